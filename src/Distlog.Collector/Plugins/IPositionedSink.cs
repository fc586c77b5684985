namespace Distlog.Collector.Plugins;

/// <summary>
/// A sink that keeps its place in the journal with its data, in the same transaction, so that it stays exactly-once
/// whatever moment a crash picks: the sqlite plugin.
/// </summary>
interface IPositionedSink
{
    /// <summary>The id of the next event the sink needs from journal <paramref name="journalId"/>; null where it has none stored.</summary>
    long? StoredPosition(string journalId);

    /// <summary>The place to store with the next batch: the id after its last event.</summary>
    void SetPosition(string journalId, long next);
}
