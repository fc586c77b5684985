using Distlog.Collector.Configuration;
using Distlog.Collector.Ingest;
using Distlog.Collector.Journal;
using Distlog.Collector.Plugins;
using Distlog.Collector.Security;
using Serilog;

namespace Distlog.Collector;

/// <summary>
/// The running collector: plugin hosts started first (each creates its sink on its own worker), then the ingest thread.
/// <see cref="Stop"/> stops ingest, lets every plugin drain its queue and flush, then logs the final summary.
/// </summary>
sealed class Collector : IDisposable
{
    public static readonly TimeSpan DrainTimeout = TimeSpan.FromSeconds(10);

    readonly CollectorSettings _settings;
    readonly ILogger _log;
    readonly List<PluginHost> _plugins = [];
    readonly IngestCounters _counters = new();
    readonly IngestLoop _ingest;
    readonly StatsReporter _stats;
    readonly EventJournal? _journal;
    readonly CurveServer? _curve;

    /// <summary>Checks every plugin's arguments; throws <see cref="ConfigException"/> before anything is opened.</summary>
    public Collector(CollectorSettings settings, ILogger log)
    {
        _settings = settings;
        _log = log;
        _curve = settings.Curve is { } curve ? CurveServer.Load(curve, () => _counters.CountHandshakeRefused(), log) : null;
        var prepared = settings.Plugins.Select(p => (Settings: p, Create: PluginFactory.Prepare(p, _curve, log))).ToList();
        if (settings.Journal is { } journal)
        {
            try
            {
                _journal = EventJournal.Open(journal, log);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                throw new JournalException($"cannot open the journal in '{Path.GetFullPath(journal.Path)}': {ex.Message} " +
                    "(set journal.path to a folder distlogd may write)", ex);
            }
        }
        foreach (var (plugin, create) in prepared)
        {
            _plugins.Add(new PluginHost(plugin.Name, create, new PluginFilter(plugin.Filter), plugin.QueueCapacity, plugin.BatchSize, log,
                plugin.WhenFull, plugin.QueueBytes, _journal));
        }
        _journal?.ExpectPlugins(_plugins.Select(p => p.Name));
        _ingest = new IngestLoop(settings.Ingest, _plugins, new RejectionReporter(_counters, log), _journal,
            _journal is null ? [] : settings.Control.Endpoints)
        { Curve = _curve };
        _stats = new StatsReporter(_counters, _plugins, log, _journal);
    }

    public EventJournal? Journal => _journal;

    public IngestCounters Counters => _counters;

    public IReadOnlyList<PluginHost> Plugins => _plugins;

    /// <summary>Re-reads <c>security.curve.authorizedClients</c> (SIGHUP); nothing without CURVE.</summary>
    public void ReloadClients() => _curve?.Reload();

    /// <summary>Starts the plugins, then binds ingest; throws <see cref="PluginStartException"/> or a bind failure.</summary>
    public void Start()
    {
        foreach (var plugin in _plugins)
            plugin.Start();
        _ingest.Start();
        _stats.Start(_settings.Stats.Interval);
        if (_plugins.Count == 0)
            _log.Warning("No plugins are configured: events are received and counted, then discarded");
        _log.Information("distlogd is listening on {Endpoints:l} with plugins {Plugins:l} (config {Config:l}); {Journal:l}",
            string.Join(", ", _ingest.BoundEndpoints), string.Join(", ", _plugins.Select(p => p.Name)), _settings.Source,
            _journal is null ? "no journal, no acknowledgements"
                : $"journal {Path.GetFullPath(_journal.Settings.Path)}, acknowledgements on {string.Join(", ", _ingest.BoundControlEndpoints)}");
    }

    /// <summary>Stops ingest, drains and flushes every plugin (bounded by <see cref="DrainTimeout"/>), logs the summary.</summary>
    public void Stop()
    {
        _stats.Dispose();
        _journal?.Interrupt();
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
            else if (plugin.JournalLag > 0)
                _log.Information("Plugin {Plugin} stops {Lag} events behind; it resumes from the journal at the next start", plugin.Name, plugin.JournalLag);
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
        _journal?.Dispose();
        _curve?.Dispose();
    }
}
