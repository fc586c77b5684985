using Distlog.Collector.Events;

namespace Distlog.Collector.Plugins;

/// <summary>
/// A plugin's bounded queue between the ingest thread (the one writer) and the plugin's worker (the one reader). The
/// writer adds a message's events under one lock; the reader takes everything queued at once by swapping lists, so
/// the two threads meet once per batch, not once per event, and the reader sleeps on the lock only when the queue is
/// empty — woken directly by the writer, with no thread-pool hop in between.
/// </summary>
/// <remarks>
/// The queue is bounded twice: by <paramref name="capacity"/> events and by <paramref name="capacityBytes"/> bytes (the
/// estimate of <see cref="SizeOf"/>), and refuses an event that would pass either bound, so that no sender can grow it
/// without bound by sending large events. <see cref="Count"/> and <see cref="Bytes"/> include the events taken by the
/// reader until it <see cref="Release"/>s them as it hands them to its sink, so the plugin holds at most the capacity
/// plus one batch, and a batch holds at most <see cref="MaxBatchBytes"/> (see <see cref="BatchLength"/>).
/// </remarks>
sealed class PluginQueue(int capacity, long capacityBytes = long.MaxValue)
{
    /// <summary>Queued events at which a deferred wake-up happens at once all the same.</summary>
    public const int WakeBatch = 256;

    /// <summary>The bytes one batch handed to a sink holds at most, unless one event alone is larger.</summary>
    public const long MaxBatchBytes = 4 * 1024 * 1024;

    /// <summary>What an event costs beside its text: the queue's slot and the objects around it.</summary>
    public const int EventOverhead = 64;

    // An event built at ingest holds its text as UTF-16 strings inside a LogEvent: some three times its UTF-8 size.
    const int BuiltFactor = 3;

    readonly object _sync = new();
    List<IngestedEvent> _incoming = [];
    int _count;
    // The id of the last journaled event offered whole (queued or filtered out), and its value at the reader's last take.
    long _through;
    long _bytes;
    bool _completed, _readerWaiting, _writerWaiting, _interrupted, _wakeDeferred;

    /// <summary>Whether <see cref="Complete"/> was called.</summary>
    public bool IsCompleted => Volatile.Read(ref _completed);

    /// <summary>Events queued or taken and not yet released.</summary>
    public int Count => Volatile.Read(ref _count);

    /// <summary>Bytes of the events queued or taken and not yet released, as <see cref="SizeOf"/> estimates them.</summary>
    public long Bytes => Volatile.Read(ref _bytes);

    /// <summary>The memory an event holds while queued, estimated: its CLEF line, or what an event built at ingest holds.</summary>
    public static long SizeOf(in IngestedEvent e) =>
        EventOverhead + (e.Built is null ? e.Clef.Length : (long)BuiltFactor * Math.Max(e.Clef.Length, e.SourceBytes));

    /// <summary>How many of <paramref name="events"/>, from the first, make one batch: at most <paramref name="maxCount"/>
    /// and <see cref="MaxBatchBytes"/>, and at least one.</summary>
    public static int BatchLength(ReadOnlySpan<IngestedEvent> events, int maxCount)
    {
        var length = Math.Min(events.Length, maxCount);
        long bytes = 0;
        for (var i = 0; i < length; i++)
        {
            bytes += SizeOf(events[i]);
            if (bytes > MaxBatchBytes)
                return Math.Max(1, i);
        }
        return length;
    }

    /// <summary>
    /// Adds as many of <paramref name="events"/> as there is room for, in order; returns how many. With
    /// <paramref name="deferWake"/> a sleeping reader is not woken yet (unless <see cref="WakeBatch"/> events are
    /// queued): the writer calls <see cref="WakeReader"/> once it has no message at hand, so that a busy writer wakes
    /// the reader once per burst instead of once per message.
    /// </summary>
    public int TryAdd(ReadOnlySpan<IngestedEvent> events, bool deferWake = false, long through = 0)
    {
        lock (_sync)
        {
            var added = _completed ? 0 : Append(events, deferWake);
            if (added == events.Length && through > _through)
                _through = through;
            return added;
        }
    }

    /// <summary>
    /// Notes that every journaled event up to id <paramref name="through"/> has been offered (those not queued were
    /// filtered out), so that the reader's place in the journal can move past them.
    /// </summary>
    public void MarkThrough(long through)
    {
        lock (_sync)
        {
            if (through > _through)
                _through = through;
        }
    }

    /// <summary>Wakes the reader where a <see cref="TryAdd"/> deferred it; cheap when none did.</summary>
    public void WakeReader()
    {
        if (!Volatile.Read(ref _wakeDeferred))
            return;
        lock (_sync)
        {
            _wakeDeferred = false;
            if (_readerWaiting)
                Monitor.PulseAll(_sync);
        }
    }

    /// <summary>
    /// Adds all of <paramref name="events"/>, in order, waiting for room where the queue is full; returns how many
    /// were added, fewer only where the queue was completed or <see cref="Interrupt"/>ed meanwhile.
    /// </summary>
    public int Add(ReadOnlySpan<IngestedEvent> events, long through = 0)
    {
        var added = 0;
        lock (_sync)
        {
            while (added < events.Length && !_completed && !_interrupted)
            {
                var appended = Append(events[added..], deferWake: false);
                if (appended > 0)
                {
                    added += appended;
                    continue;
                }

                _writerWaiting = true;
                Monitor.Wait(_sync);
                _writerWaiting = false;
            }
            if (added == events.Length && through > _through)
                _through = through;
            return added;
        }
    }

    /// <summary>Ends every wait in <see cref="Add"/>, now and later; what does not fit is then refused.</summary>
    public void Interrupt()
    {
        lock (_sync)
        {
            _interrupted = true;
            Monitor.PulseAll(_sync);
        }
    }

    /// <summary>
    /// Waits until events are queued, then swaps them for <paramref name="taken"/> (which the reader has emptied).
    /// False once <see cref="Complete"/> was called and everything was taken.
    /// </summary>
    public bool Take(ref List<IngestedEvent> taken) => Take(ref taken, Timeout.InfiniteTimeSpan, out _);

    /// <summary>
    /// As <see cref="Take(ref List{IngestedEvent})"/>, waiting at most <paramref name="timeout"/> (then true with nothing
    /// taken); <paramref name="through"/> is the last id offered whole before the take (<see cref="MarkThrough"/>).
    /// </summary>
    public bool Take(ref List<IngestedEvent> taken, TimeSpan timeout, out long through)
    {
        lock (_sync)
        {
            while (_incoming.Count == 0)
            {
                through = _through;
                if (_completed)
                    return false;
                if (timeout == TimeSpan.Zero)
                    return true;
                _readerWaiting = true;
                var woken = Monitor.Wait(_sync, timeout);
                _readerWaiting = false;
                if (!woken && _incoming.Count == 0)
                    return !_completed;
            }
            through = _through;
            (taken, _incoming) = (_incoming, taken);
            return true;
        }
    }

    /// <summary>Frees the room of <paramref name="released"/>, events taken earlier.</summary>
    public void Release(ReadOnlySpan<IngestedEvent> released)
    {
        long bytes = 0;
        foreach (ref readonly var e in released)
            bytes += SizeOf(e);
        lock (_sync)
        {
            Volatile.Write(ref _count, _count - released.Length);
            Volatile.Write(ref _bytes, _bytes - bytes);
            if (_writerWaiting)
                Monitor.PulseAll(_sync);
        }
    }

    /// <summary>Refuses further events; the reader still takes what is queued.</summary>
    public void Complete()
    {
        lock (_sync)
        {
            _completed = true;
            Monitor.PulseAll(_sync);
        }
    }

    /// <summary>Appends as many of <paramref name="events"/> as there is room for and wakes the reader; under the lock.</summary>
    int Append(ReadOnlySpan<IngestedEvent> events, bool deferWake)
    {
        var added = Math.Min(events.Length, capacity - _count);
        long bytes = 0;
        for (var i = 0; i < added; i++)
        {
            var size = SizeOf(events[i]);
            // An event larger than the whole bound still passes an empty queue, so that it can never wait forever.
            if (_bytes + bytes + size > capacityBytes && (_count > 0 || i > 0))
            {
                added = i;
                break;
            }
            bytes += size;
        }
        if (added <= 0)
            return 0;
        _incoming.AddRange(events[..added]);
        Volatile.Write(ref _count, _count + added);
        Volatile.Write(ref _bytes, _bytes + bytes);
        if (_readerWaiting)
        {
            if (deferWake && _incoming.Count < WakeBatch)
                _wakeDeferred = true;
            else
                Monitor.PulseAll(_sync);
        }
        return added;
    }
}
