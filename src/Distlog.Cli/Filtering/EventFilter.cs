using Serilog.Events;
using Serilog.Expressions;

namespace Distlog.Cli.Filtering;

/// <summary>
/// The filters of the commands that read events: <c>--level</c>, <c>--app</c>, <c>--task</c>, <c>--property</c>, <c>--filter</c>.
/// An event passes when it passes every filter that is set. Immutable and thread-safe.
/// </summary>
sealed record EventFilter
{
    /// <summary>Passes everything.</summary>
    public static readonly EventFilter None = new();

    /// <summary>The lowest level that passes; null for all.</summary>
    public LogEventLevel? MinimumLevel { get; init; }

    /// <summary>The exact <c>Application</c> property value; null for all.</summary>
    public string? Application { get; init; }

    /// <summary>The task tree or subtree; null for all, including events outside tasks.</summary>
    public TaskSelector? Task { get; init; }

    /// <summary><c>NAME=VALUE</c> pairs; each property's text (see <see cref="EventFields.ToText"/>) must equal the value.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Properties { get; init; } = [];

    /// <summary>A Serilog.Expressions condition (<c>--filter</c>), checked after the others; null for none.</summary>
    public CompiledExpression? Expression { get; init; }

    /// <summary>True where the event passes.</summary>
    public bool Matches(LogEvent logEvent)
    {
        if (MinimumLevel is { } minimum && logEvent.Level < minimum)
            return false;
        if (Application is not null && EventFields.GetText(logEvent, EventFields.ApplicationName) != Application)
            return false;
        if (Task is not null && !(EventFields.TryGetTaskKey(logEvent, out var key) && Task.Matches(key)))
            return false;

        foreach (var (name, value) in Properties)
        {
            if (EventFields.GetText(logEvent, name) != value)
                return false;
        }

        return Expression is null || ExpressionResult.IsTrue(Expression(logEvent));
    }
}
