using System.Diagnostics;
using System.Diagnostics.CodeAnalysis;
using Distlog.Tasks;
using Serilog;

namespace Distlog;

public sealed partial class DistlogTask
{
    /// <summary>
    /// Starts a root task: a new W3C trace id becomes its root. Inside an <see cref="System.Diagnostics.Activity"/>
    /// that is not a task's (an ASP.NET Core request, say) the task joins that trace instead, keyed
    /// <c>{trace}/{span}</c> so that tasks of several services in one trace never share a key; or, where the
    /// activity's <c>tracestate</c> holds the id a calling task reserved for the request (<c>distlog={id}</c>),
    /// <c>{id}/{span}</c>, under the caller's task. Baggage on the activity is bound as properties.
    /// </summary>
    /// <param name="messageTemplate">The message of the started event, and of the succeeded event unless <see cref="Success"/> gives one.</param>
    /// <param name="propertyValues">Values for the template's properties.</param>
    public static DistlogTask Start(string messageTemplate, params object?[]? propertyValues) =>
        StartRoot(null, messageTemplate, propertyValues);

    /// <summary>As <see cref="Start(string, object?[])"/>, writing boundary events and those of its subtasks through <paramref name="logger"/>.</summary>
    public static DistlogTask Start(ILogger logger, string messageTemplate, params object?[]? propertyValues) =>
        StartRoot(logger ?? throw new ArgumentNullException(nameof(logger)), messageTemplate, propertyValues);

    /// <summary>Starts a subtask of <see cref="Current"/>, or a root task (as <see cref="Start(string, object?[])"/>) where there is none.</summary>
    public static DistlogTask To(string messageTemplate, params object?[]? propertyValues) =>
        StartChild(null, messageTemplate, propertyValues);

    /// <summary>As <see cref="To(string, object?[])"/>, writing boundary events through <paramref name="logger"/>.</summary>
    public static DistlogTask To(ILogger logger, string messageTemplate, params object?[]? propertyValues) =>
        StartChild(logger ?? throw new ArgumentNullException(nameof(logger)), messageTemplate, propertyValues);

    /// <summary>
    /// Continues, in this process, a task of another process: <paramref name="foreignId"/> is what
    /// <see cref="ForeignId"/> returned there, or a W3C <c>traceparent</c> (<c>00-{trace}-{span}-{flags}</c>).
    /// Each import is a subtask of its own under the reserved id, <c>{id}/{span id}</c>, so that importing one id
    /// twice (a redelivered message, a retried worker) gives two nodes and never repeats a key. Baggage after the id
    /// (<c>{id};name=value,...</c>, from bindings made with <c>propagate: true</c>) is bound as properties and travels on.
    /// </summary>
    /// <exception cref="ArgumentException">The id is neither.</exception>
    public static DistlogTask Import(string foreignId, string messageTemplate, params object?[]? propertyValues) =>
        StartImported(null, foreignId, messageTemplate, propertyValues);

    /// <summary>As <see cref="Import(string, string, object?[])"/>, writing boundary events through <paramref name="logger"/>.</summary>
    public static DistlogTask Import(ILogger logger, string foreignId, string messageTemplate, params object?[]? propertyValues) =>
        StartImported(logger ?? throw new ArgumentNullException(nameof(logger)), foreignId, messageTemplate, propertyValues);

    /// <summary>
    /// Whether <paramref name="value"/> is something <see cref="Import(string, string, object?[])"/> accepts: a task id
    /// from <see cref="ForeignId"/> or a W3C <c>traceparent</c>. Check ids that arrive from outside (a request
    /// header) with this, and start a root task where they are missing or malformed.
    /// </summary>
    public static bool IsForeignId([NotNullWhen(true)] string? value) =>
        value != null && (TaskIds.TryParseTraceParent(value, out _) || TaskKey.TrySplitId(TaskBaggage.SplitFrom(value, out _), out _, out _));

    static DistlogTask StartRoot(ILogger? logger, string messageTemplate, object?[]? propertyValues)
    {
        var previous = Activity.Current;
        var joinsForeignTrace = previous != null && !ReferenceEquals(previous, Current?._activity);
        if (joinsForeignTrace)
        {
            // A caller's task that reserved an id for this request (tracestate distlog={id}) is the parent; else the
            // trace is. Either way the task's own span id makes it a node of its own: one request may open several.
            var joined = TaskActivities.StartChild(messageTemplate);
            var (root, parentPath) = TaskTraceState.TryRead(joined.TraceStateString, out var callerRoot, out var callerPath)
                ? (callerRoot, callerPath)
                : (joined.TraceId.ToHexString(), "");
            return new DistlogTask(logger, null, root, parentPath + "/" + joined.SpanId.ToHexString(), joined, previous, messageTemplate, propertyValues,
                TaskBaggage.ToProperties(joined.Baggage));
        }

        var activity = TaskActivities.StartRoot(messageTemplate);
        return new DistlogTask(logger, null, activity.TraceId.ToHexString(), "", activity, previous, messageTemplate, propertyValues);
    }

    static DistlogTask StartChild(ILogger? logger, string messageTemplate, object?[]? propertyValues)
    {
        var parent = Current;
        if (parent == null)
            return StartRoot(logger, messageTemplate, propertyValues);

        var previous = Activity.Current;
        var path = parent.ReserveChildPath();
        var activity = TaskActivities.StartChild(messageTemplate);
        return new DistlogTask(logger ?? parent._logger, parent, parent._root, path, activity, previous, messageTemplate, propertyValues);
    }

    static DistlogTask StartImported(ILogger? logger, string foreignId, string messageTemplate, object?[]? propertyValues)
    {
        ArgumentNullException.ThrowIfNull(foreignId);
        var previous = Activity.Current;
        foreignId = TaskBaggage.SplitFrom(foreignId, out var baggage);

        if (TaskIds.TryParseTraceParent(foreignId, out var remoteParent))
        {
            var activity = TaskActivities.StartChild(messageTemplate, remoteParent);
            return new DistlogTask(logger, null, activity.TraceId.ToHexString(), "/" + activity.SpanId.ToHexString(), activity, previous, messageTemplate, propertyValues);
        }

        if (!TaskKey.TrySplitId(foreignId, out var root, out var path))
            throw new ArgumentException($"'{foreignId}' is not a task id ({{root}}/{{path}}, from DistlogTask.ForeignId()) nor a W3C traceparent.", nameof(foreignId));

        // A distlog root that is a trace id keeps the trace; any other root (a Python distlog uuid) is kept
        // as the key's root, and the activity starts a trace of its own.
        var imported = TaskIds.TryParseTraceId(root, out var traceId)
            ? TaskActivities.StartChild(messageTemplate, new ActivityContext(traceId.Value, ActivitySpanId.CreateRandom(), ActivityTraceFlags.Recorded, isRemote: true))
            : TaskActivities.StartRoot(messageTemplate);
        // The baggage travels on from here, in this process's HTTP calls and foreign ids, as it came.
        for (var i = baggage.Count - 1; i >= 0; i--)
            imported.SetBaggage(baggage[i].Key, baggage[i].Value);
        // Each import is a node of its own under the reserved id, named by its span id as a joined trace's task
        // is: a redelivered message or a retried worker imports the same id again, and must not share its keys.
        return new DistlogTask(logger, null, root, path + "/" + imported.SpanId.ToHexString(), imported, previous, messageTemplate, propertyValues,
            TaskBaggage.ToProperties(baggage));
    }
}
