using Distlog.Clef;
using Distlog.Collector.Configuration;
using Distlog.Collector.Plugins.Generic;
using Distlog.Collector.Plugins.Redis;
using Distlog.Collector.Storage;
using Serilog;
using Serilog.Events;

namespace Distlog.Collector.Plugins;

/// <summary>
/// Turns a plugin's settings into a function that creates its sink. Arguments are checked here, at start-up, so a
/// config error names its file, line and key; the sink itself is created later, on the plugin's worker thread.
/// </summary>
internal static class PluginFactory
{
    public const string DefaultFilePath = "logs/distlog-.clef";
    public const RollingInterval DefaultRollingInterval = RollingInterval.Day;

    public static Func<IBatchSink> Prepare(PluginSettings plugin) => plugin.Sink switch
    {
        BuiltInSinks.File => File(plugin),
        BuiltInSinks.Sqlite => Sqlite(plugin),
        BuiltInSinks.Publish => Publish(plugin),
        BuiltInSinks.Console => Console(plugin),
        BuiltInSinks.Redis => RedisArguments.Prepare(plugin),
        _ => Generic(plugin),
    };

    private static Func<IBatchSink> File(PluginSettings plugin)
    {
        var args = new PluginArguments(plugin, "path", "rollingInterval", "fileSizeLimitBytes", "retainedFileCountLimit",
            "rollOnFileSizeLimit", "buffered", "flushToDiskInterval");
        var path = args.GetText("path", DefaultFilePath);
        var rollingInterval = args.Get("rollingInterval", DefaultRollingInterval);
        var fileSizeLimitBytes = args.Get<long?>("fileSizeLimitBytes", 1L << 30);
        var retainedFileCountLimit = args.Get<int?>("retainedFileCountLimit", 31);
        var rollOnFileSizeLimit = args.Get("rollOnFileSizeLimit", false);
        var buffered = args.Get("buffered", false);
        var flushToDiskInterval = args.Get<TimeSpan?>("flushToDiskInterval", null);
        return () =>
        {
            // Serilog's rolling file sink opens its file at the first event and reports failures only to SelfLog:
            // create the folder here so that an unusable path stops start-up instead.
            var folder = Path.GetDirectoryName(Path.GetFullPath(path));
            if (!string.IsNullOrEmpty(folder))
                Directory.CreateDirectory(folder);
            var logger = new LoggerConfiguration()
                .MinimumLevel.Verbose()
                .WriteTo.File(new ClefFormatter(), path, LogEventLevel.Verbose, fileSizeLimitBytes, buffered: buffered,
                    flushToDiskInterval: flushToDiskInterval, rollingInterval: rollingInterval,
                    rollOnFileSizeLimit: rollOnFileSizeLimit, retainedFileCountLimit: retainedFileCountLimit)
                .CreateLogger();
            return new SerilogLoggerSink(logger);
        };
    }

    private static Func<IBatchSink> Sqlite(PluginSettings plugin)
    {
        var path = new PluginArguments(plugin, "path").GetText("path", SqliteStore.DefaultPath);
        return () => new SqliteStore(path);
    }

    private static Func<IBatchSink> Publish(PluginSettings plugin)
    {
        var endpoint = new PluginArguments(plugin, "endpoint").GetText("endpoint", PublishSink.DefaultEndpoint);
        return () => new PublishSink(endpoint);
    }

    private static Func<IBatchSink> Console(PluginSettings plugin)
    {
        _ = new PluginArguments(plugin);
        return ConsoleSink.StandardOutput;
    }

    private static Func<IBatchSink> Generic(PluginSettings plugin)
    {
        System.Reflection.Assembly assembly;
        try
        {
            assembly = SinkAssemblies.Load(plugin.Using!);
        }
        catch (Exception ex) when (ex is FileNotFoundException or FileLoadException or BadImageFormatException or ArgumentException)
        {
            throw new ConfigException(plugin.Location, plugin.Key + ".using", ex.Message, ex);
        }
        var method = WriteToMethod.Bind(plugin, assembly);
        return () => new SerilogLoggerSink(method.CreateLogger());
    }
}
