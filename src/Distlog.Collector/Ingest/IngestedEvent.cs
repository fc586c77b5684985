using Serilog.Events;

namespace Distlog.Collector.Ingest;

/// <summary>
/// An accepted event and the system letter of its topic (<c>P</c>, <c>S</c> or <c>T</c>). The letter travels beside the
/// event, not as a property, so plugin filters, the SQLite <c>system</c> column and the publish topic see it
/// while stored CLEF stays as the sender wrote it.
/// </summary>
internal readonly record struct IngestedEvent(LogEvent Event, char System);
