using Serilog.Events;

namespace Distlog.Collector.Ingest;

/// <summary>
/// An accepted event, the system letter of its topic (<c>P</c>, <c>S</c> or <c>T</c>) and, for a CLEF event, the line
/// as received (UTF-8, no newline; empty for a Python record). The letter travels beside the event, not as a property,
/// so plugin filters, the SQLite <c>system</c> column and the publish topic see it while stored CLEF stays as the
/// sender wrote it: the file, publish, sqlite and redis plugins store <paramref name="Clef"/> itself.
/// </summary>
internal readonly record struct IngestedEvent(LogEvent Event, char System, ReadOnlyMemory<byte> Clef = default);
