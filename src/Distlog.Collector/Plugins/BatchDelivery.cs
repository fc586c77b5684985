using Serilog;

namespace Distlog.Collector.Plugins;

/// <summary>
/// Writes a batch to a sink, retrying a failing sink with exponential backoff (<see cref="FirstBackoff"/> doubling up to
/// <see cref="MaxBackoff"/>) until it succeeds or the host aborts. Reports the first failure and the recovery.
/// Used by one plugin worker only.
/// </summary>
sealed class BatchDelivery(IBatchSink sink, string plugin, ILogger log, CancellationToken abort)
{
    public static readonly TimeSpan FirstBackoff = TimeSpan.FromMilliseconds(100);
    public static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(5);
    static readonly TimeSpan ReportEvery = TimeSpan.FromSeconds(60);

    /// <summary>True when the sink took the batch; false when the host aborted while it was failing.</summary>
    public bool Deliver(EventBatch batch)
    {
        var backoff = FirstBackoff;
        var failures = 0;
        long lastReport = 0;
        while (true)
        {
            try
            {
                sink.EmitBatch(batch);
                if (failures > 0)
                    log.Information("Plugin {Plugin} recovered after {Failures} failed attempts", plugin, failures);
                return true;
            }
            catch (Exception ex)
            {
                failures++;
                if (failures == 1 || Environment.TickCount64 - lastReport >= ReportEvery.TotalMilliseconds)
                {
                    log.Warning("Plugin {Plugin} failed to write {Count} events; retrying with backoff up to {Backoff} s: {Error:l}",
                        plugin, batch.Count, MaxBackoff.TotalSeconds, ex.Message);
                    lastReport = Environment.TickCount64;
                }
            }

            if (abort.WaitHandle.WaitOne(backoff))
            {
                log.Error("Plugin {Plugin} dropped {Count} events at shutdown: its sink kept failing", plugin, batch.Count);
                return false;
            }
            backoff = TimeSpan.FromTicks(Math.Min(backoff.Ticks * 2, MaxBackoff.Ticks));
        }
    }
}
