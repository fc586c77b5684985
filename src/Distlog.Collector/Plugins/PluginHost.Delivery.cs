using System.Runtime.InteropServices;
using Distlog.Collector.Events;
using Distlog.Collector.Journal;

namespace Distlog.Collector.Plugins;

/// <summary>The worker's loop: events from the queue while the plugin keeps up, from the journal while it is behind.</summary>
sealed partial class PluginHost
{
    void Pump(IBatchSink sink)
    {
        var batch = new EventBatch(_batchSize);
        var taken = new List<IngestedEvent>();
        var delivery = new BatchDelivery(sink, Name, _log, _abort.Token);
        JournalReader? reader = null;
        try
        {
            while (true)
            {
                if (_journal is null || _cursor is null || _live)
                {
                    if (!_queue.Take(ref taken, _cursor is null ? Timeout.InfiniteTimeSpan : PluginCursor.SaveEvery, out var through))
                        break;
                    if (!DeliverAll(delivery, batch, taken, sink, fromQueue: true))
                        break;
                    _cursor?.Advance(through + 1);
                    _cursor?.Save(sink);
                    continue;
                }

                // Behind: first what ingest queued before it stopped offering, then the journal from there on.
                if (_queue.Take(ref taken, TimeSpan.Zero, out var queuedThrough) && taken.Count > 0)
                {
                    if (!DeliverAll(delivery, batch, taken, sink, fromQueue: true))
                        break;
                    _cursor.Advance(queuedThrough + 1);
                    continue;
                }
                if (_abort.IsCancellationRequested)
                    break;
                reader ??= new JournalReader(_journal, _cursor.Position);
                if (reader.TryRead(taken))
                {
                    if (!_filter.IsEmpty)
                        Interlocked.Add(ref _filtered, taken.RemoveAll(e => !_filter.Passes(e)));
                    if (!DeliverAll(delivery, batch, taken, sink, fromQueue: false))
                        break;
                    _cursor.Advance(reader.Next);
                    _cursor.Save(sink);
                    continue;
                }

                _cursor.Advance(reader.Next);
                if (_queue.IsCompleted)
                    break;
                lock (_journal.Sync)
                    _live = reader.Next >= _journal.NextId;
                if (_live)
                {
                    if (reader.Skipped > 0)
                    {
                        CountDropped(reader.Skipped, "the journal held events that could not be read back (a corrupt record)");
                        _log.Warning("Plugin {Plugin} caught up with the journal at event {Position}; {Skipped} events could not be read back",
                            Name, reader.Next, reader.Skipped);
                    }
                    reader.Dispose();
                    reader = null;
                }
            }
        }
        finally
        {
            reader?.Dispose();
            _cursor?.Save(sink, now: true);
        }
    }

    /// <summary>
    /// Delivers <paramref name="events"/> in batches and empties the list; false where the host aborted while the sink was
    /// failing (with a journal the events stay there for the next start; without one they are counted as dropped).
    /// </summary>
    bool DeliverAll(BatchDelivery delivery, EventBatch batch, List<IngestedEvent> events, IBatchSink sink, bool fromQueue)
    {
        var discarding = sink as IDiscardingSink;
        var positioned = _journal is null ? null : sink as IPositionedSink;
        for (int first = 0, length; first < events.Count; first += length)
        {
            var rest = CollectionsMarshal.AsSpan(events)[first..];
            var slice = rest[..(length = PluginQueue.BatchLength(rest, _batchSize))];
            foreach (ref readonly var e in slice)
                batch.Add(e);
            // As a channel would: the batch in the sink's hands is no longer queued.
            if (fromQueue)
                _queue.Release(slice);
            positioned?.SetPosition(_journal!.Id, slice[^1].Id + 1);
            var discardedBefore = discarding?.Discarded ?? 0;
            if (TryDeliver(delivery, batch))
            {
                var discarded = (int)((discarding?.Discarded ?? 0) - discardedBefore);
                Interlocked.Add(ref _delivered, batch.Count - discarded);
                if (discarded > 0)
                    CountDropped(discarded, discarding!.DiscardCause);
                _cursor?.Advance(slice[^1].Id + 1);
            }
            else if (_journal is not null && _abort.IsCancellationRequested)
            {
                batch.Clear();
                events.Clear();
                return false;
            }
            else
            {
                CountDropped(batch.Count, _abort.IsCancellationRequested ? "its sink kept failing until shutdown" : "the sink failed unexpectedly on them");
                _cursor?.Advance(slice[^1].Id + 1);
            }
            batch.Clear();
            // Done with these lines: ingest may now reuse the chunks they were copied into.
            if (slice[^1].Line > 0)
                Volatile.Write(ref _finishedLine, slice[^1].Line);
        }
        events.Clear();
        return true;
    }

    /// <summary>Delivers the batch; an unexpected failure costs the batch, counted as dropped, never the worker.</summary>
    bool TryDeliver(BatchDelivery delivery, EventBatch batch)
    {
        try
        {
            return delivery.Deliver(batch);
        }
        catch (Exception ex)
        {
            _log.Error(ex, "Plugin {Plugin} failed on a batch of {Count} events; they are dropped and the plugin goes on", Name, batch.Count);
            return false;
        }
    }
}
