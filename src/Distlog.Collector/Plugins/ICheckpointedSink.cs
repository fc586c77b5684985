namespace Distlog.Collector.Plugins;

/// <summary>
/// A sink that can be put back to the state it was in when its cursor was saved, so that events replayed from the
/// journal after a crash are written once: the file plugin truncates what it wrote after that point.
/// </summary>
interface ICheckpointedSink
{
    /// <summary>Hands everything written so far to the OS and describes it (the file and its length), to be saved with the
    /// cursor. Called on the worker between batches.</summary>
    string Checkpoint();

    /// <summary>Puts the sink back to <paramref name="state"/>, before the first batch after a start.</summary>
    void Restore(string state);
}
