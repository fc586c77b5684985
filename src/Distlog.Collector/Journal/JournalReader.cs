using Distlog.Clef;
using Distlog.Collector.Clef;
using Distlog.Collector.Events;

namespace Distlog.Collector.Journal;

/// <summary>
/// A plugin's way through the journal while it is behind: record after record from the event it needs next, each
/// line checked and summarised as ingest does it. The lines of the events it returns live in its buffer until the next
/// <see cref="TryRead"/>. Used by one plugin worker only.
/// </summary>
sealed class JournalReader(EventJournal journal, long next) : IDisposable
{
    SegmentFile? _file;
    long _offset;
    byte[] _buffer = new byte[256 * 1024];

    /// <summary>The id of the next event this reader returns.</summary>
    public long Next => next;

    /// <summary>Events the reader skipped: lost to a corrupt record, or no longer valid CLEF.</summary>
    public long Skipped { get; private set; }

    /// <summary>Adds the events of the next record holding any from <see cref="Next"/> on; false where every committed event was read.</summary>
    public bool TryRead(List<IngestedEvent> output)
    {
        while (next < journal.NextId)
        {
            _file ??= new SegmentFile(journal.SegmentFor(next));
            var limit = Math.Min(journal.Limit(_file.Segment, out var following), _file.Length);
            switch (_file.TryRead(_offset, limit, ref _buffer, out var header, out var bodyLength))
            {
                case ReadResult.Record:
                    // Records of a segment closed mid-burst may be on disk before ingest has committed them.
                    if (header.Kind == RecordKind.Events && header.EndId > journal.NextId)
                        return false;
                    _offset += RecordHeader.PrefixSize + bodyLength;
                    if (header.Kind == RecordKind.Events && header.EndId > next)
                    {
                        Add(header, _buffer.AsMemory(RecordHeader.BodyHeaderSize, bodyLength - RecordHeader.BodyHeaderSize), output);
                        if (output.Count > 0)
                            return true;
                    }
                    break;
                case ReadResult.Corrupt:
                    journal.Counters.CountCorrupt();
                    _offset = _file.Resync(_offset, limit, ref _buffer);
                    break;
                default:
                    if (following is null)
                        return false;
                    _file.Dispose();
                    _file = new SegmentFile(following);
                    _offset = 0;
                    break;
            }
        }
        return false;
    }

    public void Dispose() => _file?.Dispose();

    void Add(in RecordHeader header, ReadOnlyMemory<byte> payload, List<IngestedEvent> output)
    {
        // Events below the record's first id were lost to a corrupt record before it.
        if (header.FirstId > next)
            Skipped += header.FirstId - next;
        var id = header.FirstId;
        var rest = payload;
        while (id < header.EndId)
        {
            var end = rest.Span.IndexOf((byte)'\n');
            var line = end < 0 ? rest : rest[..end];
            rest = end < 0 ? ReadOnlyMemory<byte>.Empty : rest[(end + 1)..];
            if (id >= next)
            {
                if (ClefScanner.TryScan(line.Span, out var summary))
                    output.Add(new IngestedEvent(summary, header.System, line) { Id = id });
                else if (ClefReader.TryRead(line.Span, out var logEvent, out _))
                    output.Add(new IngestedEvent(logEvent, header.System, line) { Id = id });
                else
                    Skipped++;
            }
            id++;
            if (end < 0)
                break;
        }
        next = header.EndId;
    }
}
