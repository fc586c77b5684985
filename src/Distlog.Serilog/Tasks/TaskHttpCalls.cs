using System.Diagnostics;

namespace Distlog.Tasks;

/// <summary>
/// Reserves a child of the current task for each outgoing HttpClient request, and puts its id in the request's
/// <c>tracestate</c> (<c>distlog={root}{path}</c>): a task the callee opens inside that request nests under it.
/// </summary>
/// <remarks>
/// HttpClient starts its <c>System.Net.Http.HttpRequestOut</c> activity, then writes <c>traceparent</c> and
/// <c>tracestate</c> from it, so an <see cref="ActivityListener"/> that sets the activity's trace state when it
/// starts changes what is sent. The listener samples nothing (no <see cref="ActivityListener.Sample"/>), so it
/// never makes an activity exist that would not exist without it. Each request reserves its own child, so two
/// calls from one task, or two attempts of one call, never give their callees one id.
/// </remarks>
static class TaskHttpCalls
{
    const string RequestActivityName = "System.Net.Http.HttpRequestOut";
    // HttpClient starts its activity from this source when someone samples it, else as a legacy activity,
    // whose source has the empty name.
    const string HttpSourceName = "System.Net.Http";

    /// <summary>Starts listening for outgoing requests; the listener lives as long as the process.</summary>
    public static ActivityListener Listen()
    {
        var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name is "" or HttpSourceName,
            ActivityStarted = OnStarted,
        };
        ActivitySource.AddActivityListener(listener);
        return listener;
    }

    static void OnStarted(Activity activity)
    {
        // The request starts on the caller's flow, so the ambient task is the one that makes the call.
        if (activity.OperationName != RequestActivityName || DistlogTask.Current is not { } task)
            return;

        activity.TraceStateString = TaskTraceState.With(activity.TraceStateString, task.ReserveChildId());
    }
}
