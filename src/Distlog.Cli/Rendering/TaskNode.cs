using Distlog.Cli.Filtering;
using Distlog.Tasks;
using Serilog.Events;

namespace Distlog.Cli.Rendering;

/// <summary>
/// One task of a tree rebuilt from <c>TaskKey</c>s: its own events in sequence order and its subtasks.
/// A node without events is a placeholder for a task whose subtasks were seen but whose own events were not.
/// Built by <see cref="TaskTreeBuilder"/>; not thread-safe.
/// </summary>
sealed class TaskNode
{
    /// <summary>Creates an empty node for the task <c>{root}{path}</c>.</summary>
    public TaskNode(string root, string path)
    {
        Root = root;
        Path = path;
    }

    /// <summary>The root id.</summary>
    public string Root { get; }

    /// <summary>The path from the root, <c>/1/2</c>; empty for the root task.</summary>
    public string Path { get; }

    /// <summary>The task id, <c>{root}{path}</c>.</summary>
    public string Id => Root + Path;

    /// <summary>The last path segment (the child number or span id), empty for the root task.</summary>
    public string Segment => Path[(Path.LastIndexOf('/') + 1)..];

    /// <summary>The task's own events, in sequence order once the builder has finished.</summary>
    public List<TaskEvent> Events { get; } = [];

    /// <summary>The subtasks, ordered by start time and then segment once the builder has finished.</summary>
    public List<TaskNode> Children { get; } = [];

    /// <summary>True where none of the task's own events were seen.</summary>
    public bool IsPlaceholder => Events.Count == 0;

    /// <summary>The event with <c>TaskStatus</c> <c>Started</c>, where seen.</summary>
    public LogEvent? Started => Events.Find(e => Status(e.Event) == TaskProperties.Started)?.Event;

    /// <summary>The last event with <c>TaskStatus</c> <c>Succeeded</c> or <c>Failed</c>, where seen.</summary>
    public LogEvent? Completion => Events.FindLast(e => Status(e.Event) is TaskProperties.Succeeded or TaskProperties.Failed)?.Event;

    /// <summary>The outcome its completion event gives.</summary>
    public TaskOutcome Outcome => Completion is { } completion
        ? Status(completion) == TaskProperties.Failed ? TaskOutcome.Failed : TaskOutcome.Succeeded
        : TaskOutcome.Unfinished;

    /// <summary>The earliest timestamp of the task: its started event, else its first event or subtask.</summary>
    public DateTimeOffset? StartTime => Started?.Timestamp ?? Earliest();

    /// <summary><c>TaskElapsed</c> of the completion event; otherwise the span from the first to the last event
    /// of the task and its subtasks; null for a placeholder.</summary>
    public TimeSpan? Duration
    {
        get
        {
            if (Completion is { } completion && EventFields.GetNumber(completion, EventFields.TaskElapsedName) is { } ms)
                return TimeSpan.FromMilliseconds(ms);
            if (IsPlaceholder || Earliest() is not { } first || Latest() is not { } last)
                return null;
            return last - first;
        }
    }

    /// <summary>The <c>TaskStatus</c> property of an event, or null.</summary>
    public static string? Status(LogEvent logEvent) => EventFields.GetText(logEvent, EventFields.TaskStatusName);

    DateTimeOffset? Earliest()
    {
        DateTimeOffset? earliest = null;
        foreach (var e in Events)
            earliest = earliest is null || e.Event.Timestamp < earliest ? e.Event.Timestamp : earliest;
        foreach (var child in Children)
        {
            if (child.StartTime is { } start && (earliest is null || start < earliest))
                earliest = start;
        }

        return earliest;
    }

    DateTimeOffset? Latest()
    {
        DateTimeOffset? latest = null;
        foreach (var e in Events)
            latest = latest is null || e.Event.Timestamp > latest ? e.Event.Timestamp : latest;
        foreach (var child in Children)
        {
            if (child.Latest() is { } end && (latest is null || end > latest))
                latest = end;
        }

        return latest;
    }
}
