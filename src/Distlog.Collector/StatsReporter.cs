using Distlog.Collector.Ingest;
using Distlog.Collector.Plugins;
using Serilog;

namespace Distlog.Collector;

/// <summary>
/// Logs the collector's summary line: messages received, events accepted, rejections by reason, and per plugin the
/// events delivered, filtered and dropped and the queue depth. Every <c>stats.interval</c> and once at shutdown.
/// </summary>
internal sealed class StatsReporter(IngestCounters counters, IReadOnlyList<PluginHost> plugins, ILogger log) : IDisposable
{
    private Timer? _timer;

    public void Start(TimeSpan interval)
    {
        if (interval > TimeSpan.Zero)
            _timer = new Timer(_ => Report("Stats"), null, interval, interval);
    }

    /// <summary>Writes e.g. <c>Stats: received 12 messages, accepted 30 events, rejected 2 (InvalidClef 2); file: delivered 30, filtered 0, dropped 0, queued 0</c>.</summary>
    public void Report(string title)
    {
        var rejected = counters.RejectedTotal;
        var reasons = rejected == 0 ? "" : $" ({counters.DescribeRejections()})";
        if (counters.HandshakesRefused > 0)
            reasons += $", refused {counters.HandshakesRefused} handshakes";
        var pluginText = string.Join("; ", plugins.Select(p =>
            $"{p.Name}: delivered {p.Delivered}, filtered {p.Filtered}, dropped {p.Dropped}, queued {p.QueueDepth}"));
        log.Information("{Title:l}: received {Messages} messages, accepted {Accepted} events, rejected {Rejected}{Reasons:l}; {Plugins:l}",
            title, counters.Messages, counters.Accepted, rejected, reasons, pluginText.Length == 0 ? "no plugins" : pluginText);
    }

    /// <summary>Stops the timer and waits for a report in progress, so that none follows the shutdown line.</summary>
    public void Dispose()
    {
        var timer = Interlocked.Exchange(ref _timer, null);
        if (timer is null)
            return;
        using var done = new ManualResetEvent(false);
        if (timer.Dispose(done))
            done.WaitOne();
    }
}
