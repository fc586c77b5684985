namespace Distlog.Cli.Rendering;

/// <summary>How a task ended, as its completion event's <c>TaskStatus</c> says.</summary>
enum TaskOutcome
{
    /// <summary>No completion event (yet): still running, lost, or outside the input.</summary>
    Unfinished,

    /// <summary>The task's last boundary event says <c>Succeeded</c>.</summary>
    Succeeded,

    /// <summary>The task's last boundary event says <c>Failed</c>.</summary>
    Failed,
}
