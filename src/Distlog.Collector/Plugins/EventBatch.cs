using System.Runtime.InteropServices;
using Distlog.Clef;
using Distlog.Collector.Clef;
using Distlog.Collector.Events;
using Serilog.Events;

namespace Distlog.Collector.Plugins;

/// <summary>
/// What a <see cref="PluginHost"/> hands to <see cref="IBatchSink.EmitBatch"/>: the events of one batch as ingest received
/// them. For each: the CLEF line it arrived as (<see cref="Line"/>; empty for a Python record), its
/// <see cref="Summary"/> (timestamp, level, application), the system letter of its topic (<see cref="System"/>), its place
/// in the journal (<see cref="Id"/>), and a Serilog <see cref="LogEvent"/> on demand (<see cref="Event"/>). Ingest does not
/// build <see cref="LogEvent"/>s for CLEF lines: <see cref="Event"/> reads one from its line the first time a sink asks,
/// on that sink's worker, and keeps it for the batch's retries; a sink that stores lines (file, sqlite, redis, mongodb,
/// publish) never builds one. Reused by the host's worker from batch to batch: a sink must not keep it.
/// </summary>
sealed class EventBatch(int capacity)
{
    /// <summary>The letter used where an event does not say (an event built in a test).</summary>
    public const char DefaultSystem = 'P';

    readonly List<IngestedEvent> _items = new(capacity);
    readonly List<LogEvent?> _events = new(capacity);

    public int Count => _items.Count;

    /// <summary>Event <paramref name="index"/> as a Serilog event: built at ingest, or read from its line now and kept.</summary>
    public LogEvent Event(int index)
    {
        ref var built = ref CollectionsMarshal.AsSpan(_events)[index];
        return built ??= _items[index].Event;
    }

    /// <summary>Every event as a Serilog event, in order (see <see cref="Event"/>).</summary>
    public IEnumerable<LogEvent> Events()
    {
        for (var i = 0; i < Count; i++)
            yield return Event(i);
    }

    /// <summary>The CLEF line event <paramref name="index"/> arrived as (UTF-8, no newline); empty where it did not
    /// arrive as CLEF (a Python record, or an event built in a test).</summary>
    public ReadOnlySpan<byte> Line(int index) => _items[index].Clef.Span;

    /// <summary>The topic system letter (<c>P</c>, <c>S</c>, <c>T</c>) of event <paramref name="index"/>.</summary>
    public char System(int index) => _items[index].System;

    /// <summary>The journal id of event <paramref name="index"/>; 0 where it has none (no journal).</summary>
    public long Id(int index) => _items[index].Id;

    /// <summary>Timestamp, level and <c>Application</c> of event <paramref name="index"/>, without building the event
    /// where ingest did not.</summary>
    public ClefSummary Summary(int index) => _items[index].Summary;

    public void Add(in IngestedEvent e)
    {
        _items.Add(e);
        _events.Add(e.Built);
    }

    public void Add(LogEvent logEvent, char system, ReadOnlyMemory<byte> clef = default) => Add(new IngestedEvent(logEvent, system, clef));

    public void Clear()
    {
        _items.Clear();
        _events.Clear();
    }
}
