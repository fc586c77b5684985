namespace Distlog.Collector.Journal;

/// <summary>What the journal counted: records found broken at start-up or by a reader, resent batches it already
/// held, and the times ingest had to wait because the journal was full.</summary>
sealed class JournalCounters
{
    long _torn, _corrupt, _duplicates, _fullWaits, _writeFailures;

    /// <summary>Records cut short at the end of the newest segment (a crash mid-write), removed at start-up.</summary>
    public long TornRecords => Interlocked.Read(ref _torn);

    /// <summary>Records with a wrong checksum or no valid header, skipped.</summary>
    public long CorruptRecords => Interlocked.Read(ref _corrupt);

    /// <summary>Batches received again after they were journaled (a lost acknowledgement): acknowledged, not journaled.</summary>
    public long DuplicateBatches => Interlocked.Read(ref _duplicates);

    /// <summary>Times ingest paused because the journal had reached <c>maxBytes</c>.</summary>
    public long FullWaits => Interlocked.Read(ref _fullWaits);

    /// <summary>Batches that could not be written (a disk error); not acknowledged.</summary>
    public long WriteFailures => Interlocked.Read(ref _writeFailures);

    public void CountTorn() => Interlocked.Increment(ref _torn);

    public void CountCorrupt() => Interlocked.Increment(ref _corrupt);

    public void CountDuplicate() => Interlocked.Increment(ref _duplicates);

    public void CountFullWait() => Interlocked.Increment(ref _fullWaits);

    public void CountWriteFailure() => Interlocked.Increment(ref _writeFailures);
}
