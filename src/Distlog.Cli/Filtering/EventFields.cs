using System.Globalization;
using Distlog.Tasks;
using Serilog.Events;

namespace Distlog.Cli.Filtering;

/// <summary>Reads the well-known properties of an event: <c>TaskKey</c>, <c>TaskStatus</c>, <c>Application</c>.</summary>
static class EventFields
{
    /// <summary>Property names written by the library and the sink.</summary>
    public const string TaskKeyName = TaskProperties.TaskKey, TaskStatusName = TaskProperties.TaskStatus, TaskElapsedName = TaskProperties.TaskElapsed,
        ApplicationName = "Application", HostName = "Host", ProcessIdName = "ProcessId";

    /// <summary>The event's <c>TaskKey</c>, where it has a well-formed one.</summary>
    public static bool TryGetTaskKey(LogEvent logEvent, out TaskKey key)
    {
        key = default;
        return TaskKey.TryParse(GetText(logEvent, TaskKeyName), out key);
    }

    /// <summary>A scalar property as text (strings unquoted, numbers invariant, booleans lower case); null where absent.</summary>
    public static string? GetText(LogEvent logEvent, string name) =>
        logEvent.Properties.TryGetValue(name, out var value) ? ToText(value) : null;

    /// <summary>The value as text: scalars as their plain value, other values as Serilog renders them.</summary>
    public static string ToText(LogEventPropertyValue value) => value switch
    {
        ScalarValue { Value: null } => "null",
        ScalarValue { Value: string s } => s,
        ScalarValue { Value: bool b } => b ? "true" : "false",
        ScalarValue { Value: IFormattable f } => f.ToString(null, CultureInfo.InvariantCulture),
        ScalarValue { Value: var v } => v.ToString() ?? "",
        _ => value.ToString(null, CultureInfo.InvariantCulture),
    };

    /// <summary>A numeric scalar property as a double; null where absent or not a number.</summary>
    public static double? GetNumber(LogEvent logEvent, string name) =>
        logEvent.Properties.TryGetValue(name, out var value) && value is ScalarValue { Value: IConvertible c and not string and not bool }
            ? c.ToDouble(CultureInfo.InvariantCulture)
            : null;
}
