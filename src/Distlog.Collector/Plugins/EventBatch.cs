using System.Collections;
using System.Runtime.InteropServices;
using Distlog.Clef;
using Distlog.Collector.Events;
using Distlog.Collector.Ingest;
using Serilog.Events;

namespace Distlog.Collector.Plugins;

/// <summary>
/// The list a <see cref="PluginHost"/> hands to <see cref="IBatchSink.EmitBatch"/>: events plus, beside each, the system
/// letter of the topic it arrived on, the CLEF line as received and its <see cref="ClefSummary"/>. Ingest does not build
/// <see cref="LogEvent"/>s for CLEF lines: the indexer reads event <c>i</c> from its line the first time a sink asks for it,
/// on that sink's worker, and keeps it for the batch's retries. A sink that needs only the line and the summary (file,
/// publish, redis) never builds one. Reused by the host's worker from batch to batch.
/// </summary>
sealed class EventBatch(int capacity) : IReadOnlyList<LogEvent>
{
    /// <summary>The letter used where a batch does not say (e.g. a plain list in a test).</summary>
    public const char DefaultSystem = 'P';

    readonly List<IngestedEvent> _items = new(capacity);
    readonly List<LogEvent?> _events = new(capacity);

    public int Count => _items.Count;

    /// <summary>Event <paramref name="index"/>: built at ingest, or read from its line now and kept.</summary>
    public LogEvent this[int index]
    {
        get
        {
            ref var built = ref CollectionsMarshal.AsSpan(_events)[index];
            return built ??= _items[index].Event;
        }
    }

    /// <summary>The topic system letter (<c>P</c>, <c>S</c>, <c>T</c>) of event <paramref name="index"/> of any batch.</summary>
    public static char SystemAt(IReadOnlyList<LogEvent> batch, int index) =>
        batch is EventBatch events ? events._items[index].System : DefaultSystem;

    /// <summary>The CLEF line event <paramref name="index"/> arrived as (UTF-8, no newline); empty where it did not
    /// arrive as CLEF (a Python record) or the list is not an <see cref="EventBatch"/>.</summary>
    public static ReadOnlySpan<byte> ClefAt(IReadOnlyList<LogEvent> batch, int index) =>
        batch is EventBatch events ? events._items[index].Clef.Span : default;

    /// <summary>The journal id of event <paramref name="index"/>; 0 where it has none (no journal, or not an <see cref="EventBatch"/>).</summary>
    public static long IdAt(IReadOnlyList<LogEvent> batch, int index) =>
        batch is EventBatch events ? events._items[index].Id : 0;

    /// <summary>Timestamp, level and <c>Application</c> of event <paramref name="index"/> of any batch, without building
    /// the event where ingest did not.</summary>
    public static ClefSummary SummaryAt(IReadOnlyList<LogEvent> batch, int index) =>
        batch is EventBatch events ? events._items[index].Summary : ClefSummary.Of(batch[index]);

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

    public IEnumerator<LogEvent> GetEnumerator()
    {
        for (var i = 0; i < Count; i++)
            yield return this[i];
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
