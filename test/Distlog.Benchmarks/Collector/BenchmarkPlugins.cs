extern alias distlogd;

using distlogd::Distlog.Collector.Configuration;
using distlogd::Distlog.Collector.Plugins;

namespace Distlog.Benchmarks.Collector;

/// <summary>Creates built-in plugins as distlogd does, from a sink name and YAML-like arguments.</summary>
static class BenchmarkPlugins
{
    static readonly ConfigLocation Location = new("benchmark.yaml", 1);

    public static IBatchSink Create(string sink, params (string Name, string Value)[] args)
    {
        var arguments = args.Select(a => new PluginArgument(a.Name, a.Value, Location, $"plugins[0].args.{a.Name}")).ToArray();
        var settings = new PluginSettings(sink, sink, null, arguments, FilterSettings.None, PluginSettings.DefaultQueueCapacity,
            PluginSettings.DefaultBatchSize, Location, "plugins[0]");
        return PluginFactory.Prepare(settings)();
    }
}
