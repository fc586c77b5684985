using Distlog.Collector.Diagnostics;
using Distlog.Rendering;
using Serilog;

namespace Distlog.Collector.Ingest;

/// <summary>
/// Counts each rejection and reports it through the collector's own log, rate-limited: the first of each reason at once,
/// then at most one warning per reason and <see cref="Window"/>, saying how many were not reported in between.
/// Pickle is reported once per process. Used by the ingest thread, and by the ZAP thread for the messages over the hard
/// limit that libzmq refuses itself (<see cref="HardLimitWatch"/>): thread-safe.
/// </summary>
sealed class RejectionReporter(IngestCounters counters, ILogger log)
{
    public static readonly TimeSpan Window = TimeSpan.FromSeconds(10);
    const int MaxDetailLength = 200;

    readonly WarningWindow[] _warnings = [.. Enum.GetValues<RejectReason>().Select(_ => new WarningWindow(Window))];

    public IngestCounters Counters => counters;

    public void Reject(RejectReason reason, string detail)
    {
        var count = counters.CountRejected(reason);
        var i = (int)reason;
        if (reason == RejectReason.Pickle)
        {
            if (count == 1)
                log.Warning("Rejected a Python pickle message: pickles are never unpickled; configure distlog's JSONFormatter. Further pickle messages are counted without a warning");
            return;
        }

        long suppressed;
        // Uncontended but for a refusal on the ZAP thread; taken for rejected messages only.
        lock (_warnings[i])
        {
            if (!_warnings[i].TryWarn(out suppressed))
                return;
        }

        var text = ControlCharacters.Escape(detail.Length > MaxDetailLength ? detail[..MaxDetailLength] + "…" : detail);
        if (suppressed > 0)
            log.Warning("Rejected a message ({Reason}): {Detail:l} ({Suppressed} more since the last warning)", reason, text, suppressed);
        else
            log.Warning("Rejected a message ({Reason}): {Detail:l}", reason, text);
    }
}
