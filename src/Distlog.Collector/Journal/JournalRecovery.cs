using System.Diagnostics;
using Serilog;

namespace Distlog.Collector.Journal;

/// <summary>
/// Start-up: reads the newest segment, the only one a crash can have left unfinished, record by record. A record cut
/// short at its end is removed (the file is truncated before it); a record with a bad checksum is skipped. What it
/// learns: the next event id and the senders' journaled batches. Older segments are left to the readers.
/// </summary>
static class JournalRecovery
{
    public static long Recover(JournalSegment last, SenderTable senders, JournalCounters counters, ILogger log) =>
        Recover(last, senders, counters, log, out _);

    /// <summary>As above; <paramref name="sawSenders"/> says whether the segment began with its sender table (a crash
    /// while a segment was begun can cut it short: the table is then read from the segment before).</summary>
    public static long Recover(JournalSegment last, SenderTable senders, JournalCounters counters, ILogger log, out bool sawSenders)
    {
        sawSenders = false;
        var watch = Stopwatch.StartNew();
        var next = last.FirstId;
        long offset = 0, length;
        var records = 0;
        var buffer = new byte[64 * 1024];
        using (var file = new SegmentFile(last))
        {
            length = file.Length;
            while (true)
            {
                var result = file.TryRead(offset, length, ref buffer, out var header, out var bodyLength);
                if (result == ReadResult.End)
                    break;
                if (result == ReadResult.Torn)
                {
                    counters.CountTorn();
                    log.Warning("Journal: the last record of {Segment:l} was cut short at byte {Offset} ({Bytes} bytes, a crash while " +
                        "writing); it was never acknowledged and is removed", last.Path, offset, length - offset);
                    break;
                }
                if (result == ReadResult.Corrupt)
                {
                    counters.CountCorrupt();
                    var resumed = file.Resync(offset, length, ref buffer);
                    log.Warning("Journal: {Bytes} bytes at byte {Offset} of {Segment:l} are not a valid record (bad checksum); skipped",
                        resumed - offset, offset, last.Path);
                    if (resumed >= length)
                        break;
                    offset = resumed;
                    continue;
                }

                records++;
                var payload = buffer.AsSpan(RecordHeader.BodyHeaderSize, bodyLength - RecordHeader.BodyHeaderSize);
                if (header.Kind == RecordKind.Senders)
                    sawSenders = senders.Load(payload);
                else
                {
                    next = Math.Max(next, header.EndId);
                    if (!header.Batch.IsNone)
                        senders.Add(header.Batch, header.AppendedMs);
                }
                offset += RecordHeader.PrefixSize + bodyLength;
            }
        }

        if (offset < length)
        {
            using var handle = File.OpenHandle(last.Path, FileMode.Open, FileAccess.Write);
            RandomAccess.SetLength(handle, offset);
        }
        log.Information("Journal: recovered {Segment:l} ({Records} records, {Bytes} bytes) in {Elapsed} ms; next event id {Next}",
            last.Path, records, offset, watch.ElapsedMilliseconds, next);
        return next;
    }
}
