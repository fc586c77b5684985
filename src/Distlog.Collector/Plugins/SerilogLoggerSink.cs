using Serilog.Core;
using Serilog.Events;

namespace Distlog.Collector.Plugins;

/// <summary>
/// The one adapter between the plugin contract and Serilog's: drives Serilog sinks (any <c>WriteTo</c> method a
/// <c>using:</c> plugin names) one <see cref="LogEvent"/> at a time (<see cref="EventBatch.Event"/>) through a
/// <see cref="Logger"/> that holds only them. Serilog catches and reports (SelfLog) what such a sink throws,
/// so a batch never fails here; disposing the logger flushes and closes the sinks.
/// </summary>
sealed class SerilogLoggerSink(Logger logger) : IBatchSink
{
    public void EmitBatch(EventBatch batch)
    {
        for (var i = 0; i < batch.Count; i++)
            logger.Write(batch.Event(i));
    }

    public void Dispose() => logger.Dispose();
}
