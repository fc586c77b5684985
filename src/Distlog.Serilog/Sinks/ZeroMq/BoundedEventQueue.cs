using System.Collections.Concurrent;
using Serilog.Events;

namespace Distlog.Sinks.ZeroMq;

/// <summary>
/// A bounded many-producer, one-consumer queue of events. Producers never take a lock or make a system
/// call unless the consumer is asleep; the consumer sleeps only when the queue is empty.
/// </summary>
sealed class BoundedEventQueue(int limit) : IDisposable
{
    readonly ConcurrentQueue<LogEvent> _queue = new();
    readonly SemaphoreSlim _wake = new(0);
    readonly int _limit = limit > 0 ? limit : throw new ArgumentOutOfRangeException(nameof(limit), "The queue limit must be positive.");
    int _count;
    int _consumerAsleep;

    /// <summary>The number of queued events.</summary>
    public int Count => Volatile.Read(ref _count);

    /// <summary>Queues <paramref name="logEvent"/>; false, and nothing queued, when the queue is full.</summary>
    public bool TryEnqueue(LogEvent logEvent)
    {
        if (Interlocked.Increment(ref _count) > _limit)
        {
            Interlocked.Decrement(ref _count);
            return false;
        }

        _queue.Enqueue(logEvent);
        if (Volatile.Read(ref _consumerAsleep) == 1)
            Wake();
        return true;
    }

    /// <summary>Takes the oldest event; consumer only.</summary>
    public bool TryDequeue(out LogEvent logEvent)
    {
        if (!_queue.TryDequeue(out logEvent!))
            return false;

        Interlocked.Decrement(ref _count);
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
}
