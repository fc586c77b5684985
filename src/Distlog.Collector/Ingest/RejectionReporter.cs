using Distlog.Rendering;
using Serilog;

namespace Distlog.Collector.Ingest;

/// <summary>
/// Counts each rejection and reports it through the collector's own log, rate-limited: the first of each reason at once,
/// then at most one warning per reason and <see cref="Window"/>, saying how many were not reported in between.
/// Pickle is reported once per process. Used by the ingest thread only.
/// </summary>
sealed class RejectionReporter(IngestCounters counters, ILogger log)
{
    public static readonly TimeSpan Window = TimeSpan.FromSeconds(10);
    const int MaxDetailLength = 200;

    readonly long[] _lastReported = new long[Enum.GetValues<RejectReason>().Length];
    readonly long[] _suppressed = new long[Enum.GetValues<RejectReason>().Length];

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

        var now = Environment.TickCount64;
        if (count > 1 && now - _lastReported[i] < Window.TotalMilliseconds)
        {
            _suppressed[i]++;
            return;
        }

        var text = ControlCharacters.Escape(detail.Length > MaxDetailLength ? detail[..MaxDetailLength] + "…" : detail);
        if (_suppressed[i] > 0)
            log.Warning("Rejected a message ({Reason}): {Detail:l} ({Suppressed} more since the last warning)", reason, text, _suppressed[i]);
        else
            log.Warning("Rejected a message ({Reason}): {Detail:l}", reason, text);
        _lastReported[i] = now;
        _suppressed[i] = 0;
    }
}
