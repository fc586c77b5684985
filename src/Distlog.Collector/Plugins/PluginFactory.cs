using Distlog.Clef;
using Distlog.Collector.Configuration;
using Distlog.Collector.Plugins.Files;
using Distlog.Collector.Plugins.Generic;
using Distlog.Collector.Plugins.Mongo;
using Distlog.Collector.Plugins.Publish;
using Distlog.Collector.Plugins.Redis;
using Distlog.Collector.Plugins.Sqlite;
using Distlog.Collector.Plugins.SystemConsole;
using Distlog.Collector.Security;
using Serilog;
using Serilog.Events;

namespace Distlog.Collector.Plugins;

/// <summary>
/// Turns a plugin's settings into a function that creates its sink. Arguments are checked here, at start-up, so a
/// config error names its file, line and key; the sink itself is created later, on the plugin's worker thread.
/// </summary>
static class PluginFactory
{
    /// <param name="plugin">The plugin's settings.</param>
    /// <param name="log">The collector's log, for plugins that report on their own (publish).</param>
    /// <param name="curve">The collector's CURVE, which a ZeroMQ listener (<c>publish</c>) then requires; null without.</param>
    public static Func<IBatchSink> Prepare(PluginSettings plugin, CurveServer? curve = null, ILogger? log = null) => plugin.Sink switch
    {
        BuiltInSinks.File => File(plugin),
        BuiltInSinks.Sqlite => Sqlite(plugin),
        BuiltInSinks.Publish => Publish(plugin, curve, log),
        BuiltInSinks.Console => Console(plugin),
        BuiltInSinks.Redis => RedisArguments.Prepare(plugin),
        BuiltInSinks.MongoDb => MongoArguments.Prepare(plugin),
        _ => Generic(plugin),
    };

    static Func<IBatchSink> File(PluginSettings plugin)
    {
        var args = new PluginArguments(plugin, "path", "rollingInterval", "fileSizeLimitBytes", "retainedFileCountLimit",
            "rollOnFileSizeLimit", "buffered", "flushToDiskInterval");
        var options = new ClefFileOptions(
            args.GetText("path", ClefFileOptions.DefaultPath),
            args.Get("rollingInterval", ClefFileOptions.DefaultRollingInterval),
            args.Get<long?>("fileSizeLimitBytes", ClefFileOptions.DefaultFileSizeLimitBytes),
            args.Get<int?>("retainedFileCountLimit", ClefFileOptions.DefaultRetainedFileCountLimit),
            args.Get("rollOnFileSizeLimit", true),
            args.Get("buffered", false),
            args.Get<TimeSpan?>("flushToDiskInterval", null));
        if (options.FileSizeLimitBytes < 0)
            throw args.Find("fileSizeLimitBytes")!.Error("expected a size of 0 or more bytes, or null for no limit");
        if (options.RetainedFileCountLimit < 1)
            throw args.Find("retainedFileCountLimit")!.Error("expected 1 or more files, or null to keep every file");
        if (options.FlushToDiskInterval <= TimeSpan.Zero)
            throw args.Find("flushToDiskInterval")!.Error("expected a positive interval, or null to fsync only when a file is closed");
        return () => new ClefFileSink(options);
    }

    static Func<IBatchSink> Sqlite(PluginSettings plugin)
    {
        var path = new PluginArguments(plugin, "path").GetText("path", SqliteStore.DefaultPath);
        return () => new SqliteStore(path);
    }

    static Func<IBatchSink> Publish(PluginSettings plugin, CurveServer? curve, ILogger? log)
    {
        var args = new PluginArguments(plugin, "endpoint");
        var endpoint = args.GetText("endpoint", PublishSink.DefaultEndpoint);
        if (BindEndpoint.Problem(endpoint) is { } problem)
            throw args.Find("endpoint")!.Error(problem);
        return () => new PublishSink(endpoint, curve, log);
    }

    static Func<IBatchSink> Console(PluginSettings plugin)
    {
        var args = new PluginArguments(plugin, "colour");
        return ConsoleSink.StandardOutput(args.Get("colour", ConsoleColourMode.Auto));
    }

    static Func<IBatchSink> Generic(PluginSettings plugin) => GenericSink.Prepare(plugin);
}
