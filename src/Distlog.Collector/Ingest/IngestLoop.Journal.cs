using System.Runtime.InteropServices;
using Distlog.Collector.Configuration;
using Distlog.Collector.Events;
using Distlog.Collector.Journal;

namespace Distlog.Collector.Ingest;

/// <summary>
/// Ingest with a journal. Each message is appended as one record; the records of a burst of messages go to the OS in
/// one write (<see cref="Publish"/>: at the end of the burst, every <see cref="AckEveryMessages"/> messages, or at
/// <see cref="PublishAtBytes"/>), and only then are their events offered to the plugins and their batches acknowledged.
/// </summary>
sealed partial class IngestLoop
{
    const int PublishAtBytes = 1024 * 1024;

    readonly List<IngestedEvent> _burst = new(1024);
    readonly List<BatchId> _burstAcks = [];

    /// <summary>Appends the message's events to the journal (as the burst's next record); false where they could not be
    /// written (not acknowledged, so that a sink sends them again).</summary>
    bool AppendToJournal(List<IngestedEvent> events, in BatchId batch)
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
            JournalWriteFailed(events.Count, ex);
            return false;
        }
        if (first < 0)
            return false;

        for (var i = 0; i < span.Length; i++)
            span[i] = span[i] with { Id = first + i };
        _burst.AddRange(events);
        Acknowledge(batch);
        if (_journal.Pending >= PublishAtBytes)
            Publish();
        return true;
    }

    /// <summary>Acknowledges the batch once the burst it arrived in is written.</summary>
    void Acknowledge(in BatchId batch)
    {
        if (!batch.IsNone && _acks is not null)
            _burstAcks.Add(batch);
    }

    /// <summary>Writes the burst's records, makes them visible, offers their events to the plugins and queues the
    /// acknowledgements of its batches.</summary>
    void Publish()
    {
        if (_journal is null || _burst.Count == 0 && _burstAcks.Count == 0)
            return;
        try
        {
            _journal.Flush();
        }
        catch (IOException ex)
        {
            JournalWriteFailed(_burst.Count, ex);
            _burst.Clear();
            _burstAcks.Clear();
            return;
        }

        if (_burst.Count > 0)
        {
            lock (_journal.Sync)
            {
                _journal.Commit();
                Offer(_burst);
            }
        }
        foreach (var batch in _burstAcks)
            _acks!.Add(batch);
        _burst.Clear();
        _burstAcks.Clear();
    }

    void JournalWriteFailed(int events, IOException ex)
    {
        _journal!.Counters.CountWriteFailure();
        _rejections.Reject(RejectReason.JournalWriteFailed, $"{events} events could not be written to the journal: {ex.Message}");
    }

    /// <summary>Publishes the burst, then sends the acknowledgements (after an fsync with <c>fsync: always</c>).</summary>
    void SendAcknowledgements()
    {
        Publish();
        if (_acks is null || _acks.Pending == 0)
            return;
        if (_journal!.Settings.Fsync == JournalFsync.Always)
            _journal.FlushToDisk();
        _acks.Send();
    }
}
