using System.Collections.Concurrent;
using Serilog.Events;

namespace Distlog.Sinks.ZeroMq;

/// <summary>
/// A bounded many-producer, one-consumer queue of events, each held as the <see cref="LogEvent"/> or as its CLEF
/// line. Producers never make a system call unless the consumer is asleep, and take a lock only to queue a line;
/// the consumer sleeps only when the queue is empty. An entry is one reference — the event, or the array that holds
/// the line — since the queue's slots are what a shallow queue costs per event.
/// </summary>
sealed class BoundedEventQueue(int limit) : IDisposable
{
    readonly ConcurrentQueue<object> _queue = new();
    readonly ClefChunks _chunks = new();
    readonly SemaphoreSlim _wake = new(0);
    readonly int _limit = limit > 0 ? limit : throw new ArgumentOutOfRangeException(nameof(limit), "The queue limit must be positive.");
    int _count;
    // Events taken by the consumer and still held until the collector acknowledges them: they keep their room.
    int _held;
    int _consumerAsleep;
    byte[]? _consumerChunk;
    int _consumerPosition;

    /// <summary>The number of queued events.</summary>
    public int Count => Volatile.Read(ref _count);

    /// <summary>Queues <paramref name="logEvent"/>; false, and nothing queued, when the queue is full.</summary>
    public bool TryEnqueue(LogEvent logEvent)
    {
        if (!TryReserve())
            return false;
        Enqueue(logEvent);
        return true;
    }

    /// <summary>Queues a copy of an event's CLEF line; false, and nothing queued, when the queue is full.</summary>
    public bool TryEnqueue(ReadOnlySpan<byte> clef)
    {
        if (!TryReserve())
            return false;
        Enqueue(clef);
        return true;
    }

    /// <summary>
    /// Takes a place in the queue, for an <see cref="Enqueue(LogEvent)"/> or <see cref="Enqueue(ReadOnlySpan{byte})"/>
    /// (or a <see cref="CancelReservation"/>) to follow; false when the queue is full. Lets a producer find out whether
    /// there is room before it does any work for the event.
    /// </summary>
    public bool TryReserve()
    {
        if (Interlocked.Increment(ref _count) + Volatile.Read(ref _held) <= _limit)
            return true;

        Interlocked.Decrement(ref _count);
        return false;
    }

    /// <summary>Events dequeued and held (<see cref="Hold"/>) until acknowledged.</summary>
    public int Held => Volatile.Read(ref _held);

    /// <summary>Keeps the room of <paramref name="count"/> dequeued events taken until <see cref="Release"/>; consumer only.</summary>
    public void Hold(int count) => Interlocked.Add(ref _held, count);

    /// <summary>Frees the room of <paramref name="count"/> held events; consumer only.</summary>
    public void Release(int count) => Interlocked.Add(ref _held, -count);

    /// <summary>Gives back a place <see cref="TryReserve"/> took, unused.</summary>
    public void CancelReservation() => Interlocked.Decrement(ref _count);

    /// <summary>Queues <paramref name="logEvent"/> in the place reserved for it.</summary>
    public void Enqueue(LogEvent logEvent)
    {
        _queue.Enqueue(logEvent);
        WakeIfAsleep();
    }

    /// <summary>Queues a copy of an event's CLEF line in the place reserved for it.</summary>
    public void Enqueue(ReadOnlySpan<byte> clef)
    {
        // One lock for the copy and the enqueue: lines then leave the queue in the order of their chunks,
        // which is what lets the consumer hand a chunk back as soon as it meets the next one.
        lock (_chunks)
            _queue.Enqueue(_chunks.Append(clef));
        WakeIfAsleep();
    }

    /// <summary>
    /// Takes the oldest entry; consumer only. A line's bytes stay valid until the next call, which may reuse its chunk.
    /// </summary>
    public bool TryDequeue(out QueuedEvent queued)
    {
        if (!_queue.TryDequeue(out var item))
        {
            queued = default;
            return false;
        }

        Interlocked.Decrement(ref _count);
        if (item is LogEvent logEvent)
        {
            queued = new QueuedEvent(logEvent);
            return true;
        }

        var array = (byte[])item;
        if (!ClefChunks.IsShared(array))
        {
            var start = 0;
            queued = ClefChunks.Read(array, ref start);
            return true;
        }
        if (!ReferenceEquals(array, _consumerChunk))
        {
            // Lines are queued in the order they were appended, so a line of another chunk means the one before is
            // read to its end, and is no longer the one being filled.
            if (_consumerChunk is { } done)
            {
                lock (_chunks)
                    _chunks.Return(done);
            }
            _consumerChunk = array;
            _consumerPosition = 0;
        }
        queued = ClefChunks.Read(array, ref _consumerPosition);
        return true;
    }

    /// <summary>Sleeps until an event is queued, <see cref="Wake"/> is called, or <paramref name="timeout"/> passes; consumer only.</summary>
    public void WaitForEvents(TimeSpan timeout)
    {
        // Announce the sleep before the last look, so that a producer enqueuing after that look sees it.
        Interlocked.Exchange(ref _consumerAsleep, 1);
        if (_queue.IsEmpty)
            _wake.Wait(timeout);
        Interlocked.Exchange(ref _consumerAsleep, 0);
    }

    /// <summary>Wakes a sleeping consumer.</summary>
    public void Wake()
    {
        if (Interlocked.Exchange(ref _consumerAsleep, 0) == 1)
            _wake.Release();
    }

    public void Dispose() => _wake.Dispose();

    void WakeIfAsleep()
    {
        if (Volatile.Read(ref _consumerAsleep) == 1)
            Wake();
    }

    /// <summary>Chunks waiting to be reused (for tests).</summary>
    internal int FreeChunks
    {
        get
        {
            lock (_chunks)
                return _chunks.FreeCount;
        }
    }
}
