using System.Globalization;
using System.Reflection;
using Distlog.Collector.Configuration;
using Serilog;
using Serilog.Core;
using Serilog.Settings.Configuration;

namespace Distlog.Collector.Plugins.Generic;

/// <summary>
/// A plugin naming any Serilog sink (<c>sink: Seq</c>, <c>using: Serilog.Sinks.Seq</c>): its YAML node becomes an in-memory
/// <c>Serilog</c> configuration section (<see cref="SinkConfiguration"/>) bound by Serilog.Settings.Configuration, as an
/// appsettings.json would be, against that one assembly (loaded by <see cref="SinkAssemblies"/> from known folders only).
/// The logger is built at start-up, so that a value that does not bind is a config error at its line; the plugin's worker
/// takes it over. Its level is Verbose: the plugin filter decides what reaches it.
/// </summary>
static class GenericSink
{
    public static Func<IBatchSink> Prepare(PluginSettings plugin)
    {
        Assembly assembly;
        try
        {
            assembly = SinkAssemblies.Load(plugin.Using!, plugin.AssemblyFolders);
        }
        catch (Exception ex) when (ex is FileNotFoundException or FileLoadException or BadImageFormatException or ArgumentException)
        {
            throw new ConfigException(plugin.Location, plugin.Key + ".using", ex.Message, ex);
        }

        var parameterTypes = WriteToOverloads.Check(plugin, assembly);
        var configuration = new SinkConfiguration(plugin);
        Logger? first = CreateLogger(plugin, assembly, configuration, parameterTypes);
        return () => new SerilogLoggerSink(Interlocked.Exchange(ref first, null) ?? CreateLogger(plugin, assembly, configuration, parameterTypes));
    }

    static Logger CreateLogger(PluginSettings plugin, Assembly assembly, SinkConfiguration configuration, IReadOnlyDictionary<string, Type> parameterTypes)
    {
        var options = new ConfigurationReaderOptions(assembly)
        {
            SectionName = SinkConfiguration.SectionName,
            FormatProvider = CultureInfo.InvariantCulture,
        };
        try
        {
            return new LoggerConfiguration()
                .MinimumLevel.Verbose()
                .ReadFrom.Configuration(configuration.Build(), options)
                .CreateLogger();
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            var cause = ex is TargetInvocationException { InnerException: { } inner } ? inner : ex;
            var problem = $"WriteTo.{plugin.Sink} could not be configured: {cause.Message}";
            throw configuration.Culprit(cause, plugin.Args, parameterTypes) is { } entry ? entry.Error(problem, cause) : plugin.Error(problem);
        }
    }
}
