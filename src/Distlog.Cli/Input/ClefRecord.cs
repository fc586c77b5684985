using Serilog.Events;

namespace Distlog.Cli.Input;

/// <summary>An event together with the CLEF line it was read from, so CLEF output can forward the original bytes.</summary>
/// <param name="Event">The event as <see cref="Distlog.Clef.ClefReader"/> read it.</param>
/// <param name="Clef">The CLEF line, UTF-8, without its line end.</param>
sealed record ClefRecord(LogEvent Event, ReadOnlyMemory<byte> Clef);
