using System.Collections;
using Distlog.Collector.Ingest;
using Serilog.Events;

namespace Distlog.Collector.Plugins;

/// <summary>
/// The list a <see cref="PluginHost"/> hands to <see cref="IBatchSink.EmitBatch"/>: events plus, beside each, the
/// system letter of the topic it arrived on and the CLEF line as received. Reused by the host's worker from batch to batch.
/// </summary>
internal sealed class EventBatch(int capacity) : IReadOnlyList<LogEvent>
{
    /// <summary>The letter used where a batch does not say (e.g. a plain list in a test).</summary>
    public const char DefaultSystem = 'P';

    private readonly List<LogEvent> _events = new(capacity);
    private readonly List<char> _systems = new(capacity);
    private readonly List<ReadOnlyMemory<byte>> _lines = new(capacity);

    public int Count => _events.Count;

    public LogEvent this[int index] => _events[index];

    /// <summary>The topic system letter (<c>P</c>, <c>S</c>, <c>T</c>) of event <paramref name="index"/> of any batch.</summary>
    public static char SystemAt(IReadOnlyList<LogEvent> batch, int index) =>
        batch is EventBatch events ? events._systems[index] : DefaultSystem;

    /// <summary>The CLEF line event <paramref name="index"/> arrived as (UTF-8, no newline); empty where it did not
    /// arrive as CLEF (a Python record) or the list is not an <see cref="EventBatch"/>.</summary>
    public static ReadOnlySpan<byte> ClefAt(IReadOnlyList<LogEvent> batch, int index) =>
        batch is EventBatch events ? events._lines[index].Span : default;

    public void Add(in IngestedEvent e) => Add(e.Event, e.System, e.Clef);

    public void Add(LogEvent logEvent, char system, ReadOnlyMemory<byte> clef = default)
    {
        _events.Add(logEvent);
        _systems.Add(system);
        _lines.Add(clef);
    }

    public void Clear()
    {
        _events.Clear();
        _systems.Clear();
        _lines.Clear();
    }

    public List<LogEvent>.Enumerator GetEnumerator() => _events.GetEnumerator();

    IEnumerator<LogEvent> IEnumerable<LogEvent>.GetEnumerator() => GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
