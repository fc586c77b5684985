using Distlog.Collector.Configuration;
using Distlog.Collector.Ingest;
using Distlog.Collector.Plugins;
using Serilog;

namespace Distlog.Collector;

/// <summary>
/// The running collector: plugin hosts started first (each creates its sink on its own worker), then the ingest thread.
/// <see cref="Stop"/> stops ingest, lets every plugin drain its queue and flush, then logs the final summary.
/// </summary>
internal sealed class Collector : IDisposable
{
    public static readonly TimeSpan DrainTimeout = TimeSpan.FromSeconds(10);

    private readonly CollectorSettings _settings;
    private readonly ILogger _log;
    private readonly List<PluginHost> _plugins = [];
    private readonly IngestCounters _counters = new();
    private readonly IngestLoop _ingest;
    private readonly StatsReporter _stats;

    /// <summary>Checks every plugin's arguments; throws <see cref="ConfigException"/> before anything is opened.</summary>
    public Collector(CollectorSettings settings, ILogger log)
    {
        _settings = settings;
        _log = log;
        foreach (var plugin in settings.Plugins)
        {
            var create = PluginFactory.Prepare(plugin, log);
            _plugins.Add(new PluginHost(plugin.Name, create, new PluginFilter(plugin.Filter), plugin.QueueCapacity, plugin.BatchSize, log,
                plugin.WhenFull, plugin.QueueBytes));
        }
        _ingest = new IngestLoop(settings.Ingest, _plugins, new RejectionReporter(_counters, log));
        _stats = new StatsReporter(_counters, _plugins, log);
    }

    public IngestCounters Counters => _counters;

    public IReadOnlyList<PluginHost> Plugins => _plugins;

    /// <summary>Starts the plugins, then binds ingest; throws <see cref="PluginStartException"/> or a bind failure.</summary>
    public void Start()
    {
        foreach (var plugin in _plugins)
            plugin.Start();
        _ingest.Start();
        _stats.Start(_settings.Stats.Interval);
        if (_plugins.Count == 0)
            _log.Warning("No plugins are configured: events are received and counted, then discarded");
        _log.Information("distlogd is listening on {Endpoints:l} with plugins {Plugins:l} (config {Config:l})",
            string.Join(", ", _ingest.BoundEndpoints), string.Join(", ", _plugins.Select(p => p.Name)), _settings.Source);
    }

    /// <summary>Stops ingest, drains and flushes every plugin (bounded by <see cref="DrainTimeout"/>), logs the summary.</summary>
    public void Stop()
    {
        _stats.Dispose();
        // A plugin with whenFull: block may hold ingest up; it drains meanwhile, and after the drain timeout the
        // rest of the message ingest holds is dropped for it (and counted), so that stopping always ends.
        if (!_ingest.Stop(DrainTimeout))
        {
            foreach (var plugin in _plugins)
                plugin.StopBlocking();
            _ingest.Stop(Timeout.InfiniteTimeSpan);
        }
        _log.Information("Stopping: ingest closed, draining {Queued} queued events", _plugins.Sum(p => (long)p.QueueDepth));
        foreach (var plugin in _plugins)
            plugin.Complete();
        foreach (var plugin in _plugins)
        {
            if (!plugin.WaitForDrain(DrainTimeout))
                _log.Error("Plugin {Plugin} did not finish within {Timeout} s; its queued events are lost", plugin.Name, DrainTimeout.TotalSeconds * 2);
        }
        _stats.Report("Shutdown");
    }

    public void Dispose()
    {
        _stats.Dispose();
        foreach (var plugin in _plugins)
            plugin.StopBlocking();
        _ingest.Dispose();
        foreach (var plugin in _plugins)
            plugin.Dispose();
    }
}
