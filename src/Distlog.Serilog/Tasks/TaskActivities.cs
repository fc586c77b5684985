using System.Diagnostics;

namespace Distlog.Tasks;

/// <summary>
/// Starts the <see cref="Activity"/> each task runs as, so that task events carry <c>@tr</c>/<c>@sp</c>
/// and line up with OpenTelemetry, ASP.NET Core and HttpClient traces.
/// </summary>
static class TaskActivities
{
    /// <summary>The source of task activities: listen to <c>"Distlog"</c> to export tasks as spans.</summary>
    public static readonly ActivitySource Source = new("Distlog", typeof(TaskActivities).Assembly.GetName().Version?.ToString());

    // Started with the first task: from then on, HttpClient requests made inside a task carry its reserved child id.
    static readonly ActivityListener HttpCalls = TaskHttpCalls.Listen();

    static TaskActivities()
    {
        // An explicit static constructor runs the initializers above before the first task starts, not lazily.
        GC.KeepAlive(HttpCalls);
    }

    /// <summary>Starts a child of the ambient <see cref="Activity.Current"/>, or a new trace where there is none.</summary>
    public static Activity StartChild(string name) =>
        Source.StartActivity(name, ActivityKind.Internal) ?? new Activity(name).Start();

    /// <summary>Starts an activity whose parent is a remote span.</summary>
    public static Activity StartChild(string name, ActivityContext parent) =>
        Source.StartActivity(name, ActivityKind.Internal, parent)
        ?? new Activity(name).SetParentId(parent.TraceId, parent.SpanId, parent.TraceFlags).Start();

    /// <summary>Starts the first activity of a new trace, whatever is ambient.</summary>
    public static Activity StartRoot(string name)
    {
        // With no current activity, StartActivity makes a root; the caller restores Activity.Current
        // when the task ends, so clearing it here leaves no trace behind.
        Activity.Current = null;
        return StartChild(name);
    }
}
