using System.Diagnostics;
using Distlog.Tasks;
using Serilog;
using Serilog.Context;
using Serilog.Events;

namespace Distlog;

/// <summary>
/// A task: a unit of work with a start and an end, whose events form one tree across threads and
/// processes. Entering a task writes a <c>Started</c> event; disposing it writes a <c>Succeeded</c>
/// event, or a <c>Failed</c> event at <see cref="LogEventLevel.Error"/> after <see cref="Fail"/>.
/// Every event written inside the scope carries <c>TaskKey</c> (<c>{seq}@{root}{path}</c>) and the bound
/// properties, through Serilog's <c>LogContext</c>: turn on <c>Enrich.FromLogContext()</c> (without it, only the
/// Distlog sink adds them, to its copy of the event). Tasks nest across services: an <c>HttpClient</c> request made
/// inside a task carries the id of a child of it in <c>tracestate</c>, and a task opened inside the ASP.NET Core
/// request it reaches runs under that id.
/// </summary>
/// <remarks>
/// Scopes flow with <c>async</c>/<c>await</c> like <c>LogContext</c> does, and a task's methods are safe to
/// call from any thread. Dispose a task in the flow that created it, as with <c>LogContext.PushProperty</c>.
/// </remarks>
public sealed partial class DistlogTask : IDisposable
{
    static readonly AsyncLocal<DistlogTask?> Ambient = new();

    readonly ILogger? _logger;
    readonly DistlogTask? _parent;
    readonly string _root;
    readonly string _path;
    readonly string _messageTemplate;
    readonly object?[] _propertyValues;
    readonly Activity _activity;
    readonly Activity? _previousActivity;
    readonly DistlogTask? _previousTask;
    readonly IDisposable _logContextBookmark;
    readonly long _startTimestamp;

    LogEventProperty[] _bound = [];
    long _sequence = -1;
    int _children;
    int _completed;
    Exception? _failure;
    CompletionMessage? _success;

    DistlogTask(ILogger? logger, DistlogTask? parent, string root, string path, Activity activity, Activity? previousActivity,
        string messageTemplate, object?[]? propertyValues, LogEventProperty[]? received = null)
    {
        _logger = logger;
        _parent = parent;
        _root = root;
        _path = path;
        _activity = activity;
        _previousActivity = previousActivity;
        _messageTemplate = messageTemplate ?? throw new ArgumentNullException(nameof(messageTemplate));
        _propertyValues = propertyValues ?? [];
        _startTimestamp = Stopwatch.GetTimestamp();
        _bound = received ?? [];

        _previousTask = Ambient.Value;
        Ambient.Value = this;
        _logContextBookmark = LogContext.Push(new TaskEnricher(this));

        WriteBoundary(LogEventLevel.Information, _messageTemplate, _propertyValues, TaskProperties.Started, exception: null, elapsed: null);
    }

    /// <summary>The innermost task of the current flow, or null outside any task.</summary>
    public static DistlogTask? Current => Ambient.Value;

    /// <summary>The task's id, <c>{root}{path}</c>, e.g. <c>4bf92f3577b34da6a3ce929d0e0e4736/1</c>.</summary>
    public string Id => _root + _path;

    /// <summary>The activity the task runs as; its trace id is the root of a task started here.</summary>
    public Activity Activity => _activity;

    /// <summary>The logger that boundary events go through: the one given at start, else <see cref="Log.Logger"/>.</summary>
    ILogger Logger => _logger ?? Log.Logger;

    /// <summary>The message of a completion event; immutable, so that it is published whole to the disposing thread.</summary>
    sealed record CompletionMessage(string Template, object?[] Values);
}
