using Serilog.Events;

namespace Distlog.Tasks;

/// <summary>
/// Gives an event that reaches the Distlog sink without a <c>TaskKey</c> (the logger lacks
/// <c>Enrich.FromLogContext()</c>) the properties of the task it was written in.
/// </summary>
/// <remarks>
/// Serilog calls a sink on the thread and flow that wrote the event, so <see cref="DistlogTask.Current"/> there is
/// the task the event belongs to. The event is copied, not changed: other sinks may be reading it on other threads.
/// </remarks>
static class AmbientTaskProperties
{
    // The last event keyed on this thread, so that two Distlog sinks of one logger give it one key, not two.
    [ThreadStatic] static LogEvent? _original;
    [ThreadStatic] static LogEvent? _keyed;

    /// <summary><paramref name="logEvent"/> itself where it has a key or is outside any task; else a keyed copy.</summary>
    public static LogEvent AddTo(LogEvent logEvent)
    {
        if (logEvent.Properties.ContainsKey(TaskProperties.TaskKey) || DistlogTask.Current is not { } task)
            return logEvent;
        if (ReferenceEquals(_original, logEvent) && _keyed is { } keyed)
            return keyed;

        var properties = new List<LogEventProperty>(logEvent.Properties.Count + 4);
        foreach (var (name, value) in logEvent.Properties)
            properties.Add(new LogEventProperty(name, value));
        var copy = new LogEvent(logEvent.Timestamp, logEvent.Level, logEvent.Exception, logEvent.MessageTemplate, properties,
            logEvent.TraceId ?? default, logEvent.SpanId ?? default);
        task.AddTaskProperties(copy);

        _original = logEvent;
        _keyed = copy;
        return copy;
    }
}
