using Serilog.Events;

namespace Distlog.Collector.Plugins;

/// <summary>
/// A plugin that writes batches. Every plugin runs behind a <see cref="PluginHost"/>: its own bounded queue, one worker
/// thread, counters (delivered, dropped, queue depth). The host creates, calls and disposes the sink on that worker only.
/// </summary>
interface IBatchSink : IDisposable
{
    /// <summary>
    /// Writes the batch. Throw to signal a transient failure (e.g. store down): the host keeps the batch and retries it
    /// with exponential backoff (100 ms .. 5 s) while it keeps queueing; overflow of the bounded queue is counted as dropped.
    /// The batch is reused after the call returns: do not keep it. It gives each event's CLEF line as received (to store
    /// as it is), its summary and topic system letter, and a Serilog <see cref="LogEvent"/> on demand.
    /// </summary>
    void EmitBatch(EventBatch batch);
}

/// <summary>
/// A sink that may accept a batch yet not keep every event of it (a file at its size limit, an event it cannot format):
/// the host counts what it <see cref="Discarded"/> as dropped, not delivered.
/// </summary>
interface IDiscardingSink
{
    /// <summary>Events accepted in a batch but not kept, since the sink was created. Read on the sink's worker.</summary>
    long Discarded { get; }

    /// <summary>Why events are discarded, for the warning that reports them.</summary>
    string DiscardCause { get; }
}
