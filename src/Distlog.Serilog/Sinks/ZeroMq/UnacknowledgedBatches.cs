using System.Buffers;
using System.Diagnostics;

namespace Distlog.Sinks.ZeroMq;

/// <summary>
/// The batches a sink has sent and the collector has not yet acknowledged, oldest first, with their sequence numbers.
/// A batch not acknowledged within the acknowledgement timeout is due again, then after twice the wait, up to
/// <see cref="MaxResendInterval"/>. Owned by the sink's worker.
/// </summary>
sealed class UnacknowledgedBatches
{
    public static readonly TimeSpan MaxResendInterval = TimeSpan.FromSeconds(30);

    readonly List<UnacknowledgedBatch> _batches = [];
    readonly TimeSpan _timeout;

    public UnacknowledgedBatches(TimeSpan timeout) => _timeout = timeout;

    /// <summary>The sequence number the next batch gets.</summary>
    public long NextSequence { get; private set; } = 1;

    public int Count => _batches.Count;

    /// <summary>Events in the batches kept.</summary>
    public int Events { get; private set; }

    /// <summary>The lowest sequence number still waiting for its acknowledgement (the next one where none waits).</summary>
    public long Lowest => _batches.Count == 0 ? NextSequence : _batches[0].Sequence;

    /// <summary>Keeps a copy of <paramref name="payload"/> as the next batch; the caller sends it.</summary>
    public UnacknowledgedBatch Add(ReadOnlySpan<byte> payload, int events)
    {
        var copy = ArrayPool<byte>.Shared.Rent(payload.Length);
        payload.CopyTo(copy);
        var batch = new UnacknowledgedBatch(NextSequence++, copy, payload.Length, events);
        _batches.Add(batch);
        Events += events;
        return batch;
    }

    /// <summary>Notes that <paramref name="batch"/> was sent now, and when it is due again.</summary>
    public void Sent(UnacknowledgedBatch batch)
    {
        var wait = Math.Min(_timeout.TotalSeconds * (1 << Math.Min(batch.Attempts, 10)), MaxResendInterval.TotalSeconds);
        batch.Attempts++;
        batch.ResendAt = Stopwatch.GetTimestamp() + (long)(wait * Stopwatch.Frequency);
    }

    /// <summary>Forgets the batch with <paramref name="sequence"/>; returns its events, 0 where it was not kept (acknowledged twice).</summary>
    public int Acknowledge(long sequence)
    {
        // Acknowledgements come oldest first: the search ends at the first batch, or soon after.
        var index = _batches.FindIndex(b => b.Sequence == sequence);
        if (index < 0)
            return 0;
        var batch = _batches[index];
        _batches.RemoveAt(index);
        Events -= batch.Events;
        ArrayPool<byte>.Shared.Return(batch.Payload);
        return batch.Events;
    }

    /// <summary>The oldest batch due to be sent again, if any.</summary>
    public UnacknowledgedBatch? FirstDue()
    {
        var now = Stopwatch.GetTimestamp();
        foreach (var batch in _batches)
        {
            if (batch.ResendAt <= now)
                return batch;
        }
        return null;
    }

    /// <summary>Forgets every batch; returns their events.</summary>
    public int Clear()
    {
        var events = Events;
        foreach (var batch in _batches)
            ArrayPool<byte>.Shared.Return(batch.Payload);
        _batches.Clear();
        Events = 0;
        return events;
    }
}
