namespace Distlog.Collector.Journal;

/// <summary>What a journal record holds.</summary>
enum RecordKind : byte
{
    /// <summary>Events: CLEF lines joined by <c>\n</c>, numbered from the record's first id.</summary>
    Events = 1,

    /// <summary>The table of senders and the batches of theirs already journaled, at the start of each segment.</summary>
    Senders = 2,
}
