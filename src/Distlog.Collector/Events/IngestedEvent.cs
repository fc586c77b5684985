using Distlog.Clef;
using Distlog.Collector.Clef;
using Serilog.Events;

namespace Distlog.Collector.Events;

/// <summary>
/// An accepted event on its way from ingest to the plugins: the CLEF line as received (UTF-8, no newline; empty for a
/// Python record), the system letter of its topic (<c>P</c>, <c>S</c> or <c>T</c>) and its <see cref="ClefSummary"/> —
/// timestamp, level, <c>Application</c>, <c>TaskKey</c>: what filters and the publish topic read. Ingest does not build a
/// <see cref="LogEvent"/> for a CLEF line; the plugins that need one read it from the line on their own worker
/// (<see cref="Plugins.EventBatch"/>). The letter travels beside the event, not as a property, so stored CLEF stays as
/// the sender wrote it: the file, publish, sqlite and redis plugins store <see cref="Clef"/> itself.
/// </summary>
readonly struct IngestedEvent
{
    readonly LogEvent? _built;

    /// <summary>An event built at ingest (a Python record, or a line the scanner left to the reader).</summary>
    public IngestedEvent(LogEvent logEvent, char system, ReadOnlyMemory<byte> clef = default)
    {
        _built = logEvent;
        System = system;
        Clef = clef;
        Summary = ClefSummary.Of(logEvent);
    }

    /// <summary>A CLEF line checked and summarised at ingest (<see cref="ClefScanner"/>), its event not built.</summary>
    public IngestedEvent(in ClefSummary summary, char system, ReadOnlyMemory<byte> clef)
    {
        System = system;
        Clef = clef;
        Summary = summary;
    }

    public char System { get; }

    public ReadOnlyMemory<byte> Clef { get; init; }

    /// <summary>
    /// The number ingest gave the copy of its line (<c>LineCopier.LastLine</c> in ingest), rising from message to message;
    /// 0 where it has no copied line. A plugin reports the numbers it has finished with, so that ingest can reuse the
    /// chunks those lines were copied into.
    /// </summary>
    public long Line { get; init; }

    /// <summary>The event's id in the journal (rising by one from event to event); 0 where it was not journaled.</summary>
    public long Id { get; init; }

    public ClefSummary Summary { get; }

    /// <summary>The bytes of the message an event built at ingest was read from (a Python record's JSON); 0 for a CLEF
    /// line, whose size is its <see cref="Clef"/>. Plugin queues count it against their byte bound.</summary>
    public int SourceBytes { get; init; }

    /// <summary>The event where ingest built it; null for a line whose event is read where it is needed.</summary>
    public LogEvent? Built => _built;

    /// <summary>The event: built at ingest, else read from the line at every call (plugins get it from their
    /// <see cref="Plugins.EventBatch"/>, which reads it once).</summary>
    public LogEvent Event => _built ?? ClefReader.Read(Clef.Span);

    /// <summary>The <c>TaskKey</c> property where it is a string; null otherwise.</summary>
    public string? TaskKey => _built is { } e ? ClefSummary.StringProperty(e, ClefSummary.TaskKeyProperty) : Summary.TaskKey(Clef.Span);
}
