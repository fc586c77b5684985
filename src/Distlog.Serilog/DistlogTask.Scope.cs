using System.Diagnostics;
using System.Globalization;
using Distlog.Tasks;
using Serilog.Events;

namespace Distlog;

public sealed partial class DistlogTask
{
    /// <summary>
    /// Adds a property to every event written from now on inside this task and its subtasks (an inner
    /// task's binding of the same name wins). Thread-safe.
    /// </summary>
    /// <param name="name">The property name.</param>
    /// <param name="value">The value, captured as Serilog captures message template arguments.</param>
    /// <param name="destructureObjects">Whether to destructure <paramref name="value"/>, as <c>{@Value}</c> does. Default false.</param>
    /// <param name="propagate">
    /// Whether the binding also travels to other processes, as W3C baggage: on this task's activity (HttpClient
    /// sends it as the <c>baggage</c> header, and a task opened in the called ASP.NET Core request binds it) and in
    /// <see cref="ForeignId"/> (which <see cref="Import(string, string, object?[])"/> binds). It arrives as text.
    /// Default false: the binding stays in this process.
    /// </param>
    /// <returns>This task, for chaining.</returns>
    public DistlogTask Bind(string name, object? value, bool destructureObjects = false, bool propagate = false)
    {
        if (!Logger.BindProperty(name, value, destructureObjects, out var property))
            throw new ArgumentException($"'{name}' is not a valid property name.", nameof(name));

        // Activity baggage takes changes from several threads; the propagators read it when a request leaves.
        if (propagate)
            _activity.SetBaggage(property.Name, TaskBaggage.ToText(property.Value));

        LogEventProperty[] current, updated;
        do
        {
            current = Volatile.Read(ref _bound);
            updated = [.. current.Where(p => p.Name != property.Name), property];
        }
        while (Interlocked.CompareExchange(ref _bound, updated, current) != current);
        return this;
    }

    /// <summary>
    /// Sets the message of the succeeded event written when the task ends without <see cref="Fail"/>. Thread-safe:
    /// the last call before the task ends wins.
    /// </summary>
    public void Success(string messageTemplate, params object?[]? propertyValues) =>
        Volatile.Write(ref _success, new CompletionMessage(messageTemplate ?? throw new ArgumentNullException(nameof(messageTemplate)), propertyValues ?? []));

    /// <summary>
    /// Marks the task failed with <paramref name="exception"/>: its completion event is then written at
    /// <see cref="LogEventLevel.Error"/> with the exception. Always returns false, so that
    /// <c>catch (Exception ex) when (task.Fail(ex))</c> records the failure and lets the exception fly on.
    /// Thread-safe: the last call before the task ends wins.
    /// </summary>
    public bool Fail(Exception exception)
    {
        Volatile.Write(ref _failure, exception ?? throw new ArgumentNullException(nameof(exception)));
        return false;
    }

    /// <summary>
    /// Reserves the id of a subtask that another process continues with <see cref="Import(string, string, object?[])"/>,
    /// e.g. <c>4bf92f3577b34da6a3ce929d0e0e4736/2</c>. Each call reserves a new child. Thread-safe.
    /// Bindings made with <c>propagate: true</c> (and baggage this task received) follow as W3C baggage:
    /// <c>4bf92f3577b34da6a3ce929d0e0e4736/2;User=leo</c>.
    /// </summary>
    public string ForeignId() => TaskBaggage.AppendTo(ReserveChildId(), _activity);

    /// <summary>Writes the completion event and leaves the scope. Idempotent.</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _completed, 1) != 0)
            return;

        var elapsed = Stopwatch.GetElapsedTime(_startTimestamp).TotalMilliseconds;
        if (Volatile.Read(ref _failure) is { } failure)
        {
            _activity.SetStatus(ActivityStatusCode.Error, failure.Message);
            WriteBoundary(LogEventLevel.Error, _messageTemplate, _propertyValues, TaskProperties.Failed, failure, elapsed);
        }
        else
        {
            _activity.SetStatus(ActivityStatusCode.Ok);
            var message = Volatile.Read(ref _success) ?? new CompletionMessage(_messageTemplate, _propertyValues);
            WriteBoundary(LogEventLevel.Information, message.Template, message.Values, TaskProperties.Succeeded, exception: null, elapsed);
        }

        _activity.Stop();

        // A scope disposed in another flow than its own must not overwrite that flow's state.
        if (ReferenceEquals(Ambient.Value, this))
        {
            _logContextBookmark.Dispose();
            Ambient.Value = _previousTask;
            Activity.Current = _previousActivity;
        }
    }

    /// <summary>Reserves a child for another process: its id, <c>{root}{path}/{n}</c>, without baggage.</summary>
    internal string ReserveChildId() => _root + ReserveChildPath();

    internal string ReserveChildPath() =>
        string.Create(CultureInfo.InvariantCulture, $"{_path}/{Interlocked.Increment(ref _children)}");

    /// <summary>Numbers <paramref name="logEvent"/> in this task and adds the bound properties of it and its ancestors.</summary>
    internal void AddTaskProperties(LogEvent logEvent)
    {
        logEvent.AddPropertyIfAbsent(new LogEventProperty(TaskProperties.TaskKey, new ScalarValue(NextKey())));
        for (var task = this; task != null; task = task._parent)
        {
            foreach (var property in Volatile.Read(ref task._bound))
                logEvent.AddPropertyIfAbsent(property);
        }
    }

    string NextKey() => new TaskKey(Interlocked.Increment(ref _sequence), _root, _path).ToString();

    void WriteBoundary(LogEventLevel level, string template, object?[] values, string status, Exception? exception, double? elapsed)
    {
        var logger = Logger;
        if (!logger.IsEnabled(level) || !logger.BindMessageTemplate(template, values, out var parsed, out var properties))
        {
            // The event is not written, but its number is spent so that keys stay stable whatever the level.
            Interlocked.Increment(ref _sequence);
            return;
        }

        var logEvent = new LogEvent(DateTimeOffset.Now, level, exception, parsed, properties, _activity.TraceId, _activity.SpanId);
        logEvent.AddOrUpdateProperty(new LogEventProperty(TaskProperties.TaskStatus, new ScalarValue(status)));
        if (elapsed is { } milliseconds)
            logEvent.AddOrUpdateProperty(new LogEventProperty(TaskProperties.TaskElapsed, new ScalarValue(milliseconds)));
        AddTaskProperties(logEvent);
        logger.Write(logEvent);
    }
}
