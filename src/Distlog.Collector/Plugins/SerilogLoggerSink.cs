using Serilog.Core;
using Serilog.Events;

namespace Distlog.Collector.Plugins;

/// <summary>
/// Drives Serilog sinks (built-in <c>file</c>, and any <c>WriteTo</c> method) one event at a time through a
/// <see cref="Logger"/> that holds only them. Serilog catches and reports (SelfLog) what such a sink throws,
/// so a batch never fails here; disposing the logger flushes and closes the sinks.
/// </summary>
sealed class SerilogLoggerSink(Logger logger) : IBatchSink
{
    public void EmitBatch(IReadOnlyList<LogEvent> batch)
    {
        for (var i = 0; i < batch.Count; i++)
            logger.Write(batch[i]);
    }

    public void Dispose() => logger.Dispose();
}
