using Distlog.Collector.Ingest;
using Distlog.Collector.Journal;
using Distlog.Collector.Plugins;
using Serilog;

namespace Distlog.Collector;

/// <summary>
/// Logs the collector's summary line: messages received, events accepted, rejections by reason, and per plugin the
/// events delivered, filtered and dropped and the queue depth. Every <c>stats.interval</c> and once at shutdown. Besides,
/// every <see cref="DropCheckInterval"/>, a warning for each plugin that dropped events since the last look, with the cause.
/// </summary>
sealed class StatsReporter(IngestCounters counters, IReadOnlyList<PluginHost> plugins, ILogger log, EventJournal? journal = null) : IDisposable
{
    public static readonly TimeSpan DropCheckInterval = TimeSpan.FromSeconds(2);

    readonly long[] _droppedSeen = new long[plugins.Count];
    Timer? _timer;
    Timer? _dropTimer;

    public void Start(TimeSpan interval)
    {
        if (interval > TimeSpan.Zero)
            _timer = new Timer(_ => Report("Stats"), null, interval, interval);
        _dropTimer = new Timer(_ => ReportDrops(), null, DropCheckInterval, DropCheckInterval);
    }

    /// <summary>Warns about every plugin that dropped events since the last call, naming the cause.</summary>
    public void ReportDrops()
    {
        lock (_droppedSeen)
        {
            for (var i = 0; i < plugins.Count; i++)
            {
                var dropped = plugins[i].Dropped;
                if (dropped == _droppedSeen[i])
                    continue;
                log.Warning("Plugin {Plugin} dropped {Count} events ({Total} in all): {Cause:l}",
                    plugins[i].Name, dropped - _droppedSeen[i], dropped, plugins[i].LastDropCause);
                _droppedSeen[i] = dropped;
            }
        }
    }

    /// <summary>Writes e.g. <c>Stats: received 12 messages, accepted 30 events, rejected 2 (InvalidClef 2); file: delivered 30, filtered 0, dropped 0, queued 0</c>.</summary>
    public void Report(string title)
    {
        var rejected = counters.RejectedTotal;
        var reasons = rejected == 0 ? "" : $" ({counters.DescribeRejections()})";
        if (counters.HandshakesRefused > 0)
            reasons += $", refused {counters.HandshakesRefused} handshakes";
        var pluginText = string.Join("; ", plugins.Select(p =>
            $"{p.Name}: delivered {p.Delivered}, filtered {p.Filtered}, dropped {p.Dropped}, queued {p.QueueDepth}" +
            (journal is null ? "" : $", behind {p.JournalLag}")));
        var journalText = journal is null ? "" : $"; journal {journal.Bytes} bytes, {journal.Counters.DuplicateBatches} resent batches ignored, " +
            $"{journal.Counters.TornRecords} torn and {journal.Counters.CorruptRecords} corrupt records skipped, full {journal.Counters.FullWaits} times";
        log.Information("{Title:l}: received {Messages} messages, accepted {Accepted} events, rejected {Rejected}{Reasons:l}; {Plugins:l}{Journal:l}",
            title, counters.Messages, counters.Accepted, rejected, reasons, pluginText.Length == 0 ? "no plugins" : pluginText, journalText);
    }

    /// <summary>Stops the timer and waits for a report in progress, so that none follows the shutdown line.</summary>
    public void Dispose()
    {
        Interlocked.Exchange(ref _dropTimer, null)?.Dispose();
        var timer = Interlocked.Exchange(ref _timer, null);
        if (timer is null)
            return;
        using var done = new ManualResetEvent(false);
        if (timer.Dispose(done))
            done.WaitOne();
    }
}
