using System.Runtime.InteropServices;
using Distlog.Collector.Configuration;
using Distlog.Collector.Journal;

namespace Distlog.Collector.Ingest;

/// <summary>Ingest with a journal: each message appended before the plugins see it, and acknowledged after.</summary>
internal sealed partial class IngestLoop
{
    /// <summary>Appends the message's events to the journal, then makes them visible and offers them to the plugins;
    /// false where they could not be written (not acknowledged, so that a sink sends them again).</summary>
    private bool AppendToJournal(List<IngestedEvent> events, in BatchId batch)
    {
        var span = CollectionsMarshal.AsSpan(events);
        for (var i = 0; i < span.Length; i++)
        {
            // A Python record has no line: the journal keeps it as CLEF.
            if (span[i].Clef.IsEmpty && span[i].Built is { } built)
                span[i] = span[i] with { Clef = _clef.Format(built).ToArray() };
        }

        long first;
        try
        {
            first = _journal!.Write(span[0].System, span, batch);
        }
        catch (IOException ex)
        {
            _journal!.Counters.CountWriteFailure();
            _rejections.Reject(RejectReason.JournalWriteFailed, $"{events.Count} events could not be written to the journal: {ex.Message}");
            return false;
        }
        if (first < 0)
            return false;

        for (var i = 0; i < span.Length; i++)
            span[i] = span[i] with { Id = first + i };
        lock (_journal.Sync)
        {
            _journal.Commit();
            Offer(events);
        }
        return true;
    }

    private void SendAcknowledgements()
    {
        if (_acks is null || _acks.Pending == 0)
            return;
        if (_journal!.Settings.Fsync == JournalFsync.Always)
            _journal.FlushToDisk();
        _acks.Send();
    }
}
