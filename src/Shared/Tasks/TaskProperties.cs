namespace Distlog.Tasks;

/// <summary>The names and values of the properties that tasks add to events.</summary>
static class TaskProperties
{
    /// <summary>The event's key, <c>{seq}@{root}{path}</c>; see <see cref="TaskKey"/>.</summary>
    public const string TaskKey = "TaskKey";

    /// <summary>On boundary events: <see cref="Started"/>, <see cref="Succeeded"/> or <see cref="Failed"/>.</summary>
    public const string TaskStatus = "TaskStatus";

    /// <summary>On completion events: the task's duration in milliseconds.</summary>
    public const string TaskElapsed = "TaskElapsed";

    public const string Started = "Started";
    public const string Succeeded = "Succeeded";
    public const string Failed = "Failed";
}
