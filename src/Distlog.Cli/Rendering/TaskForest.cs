using Serilog.Events;

namespace Distlog.Cli.Rendering;

/// <summary>The result of <see cref="TaskTreeBuilder"/>: one root task per root id, and the events outside tasks.</summary>
/// <param name="Roots">Root tasks (path empty), ordered by start time, then id.</param>
/// <param name="Loose">Events without a well-formed <c>TaskKey</c>, in time order (input order for equal times).</param>
sealed record TaskForest(IReadOnlyList<TaskNode> Roots, IReadOnlyList<LogEvent> Loose);
