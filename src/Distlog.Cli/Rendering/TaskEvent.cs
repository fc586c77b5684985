using Serilog.Events;

namespace Distlog.Cli.Rendering;

/// <summary>An event of one task, with its sequence number from the <c>TaskKey</c>.</summary>
/// <param name="Sequence">The event's number inside its task; 0 is the started event.</param>
/// <param name="Event">The event.</param>
sealed record TaskEvent(long Sequence, LogEvent Event);
