using System.Text;
using Distlog.Clef;
using Distlog.Tasks;
using Serilog.Events;

namespace Distlog.Collector.Clef;

/// <summary>
/// What a collector needs of a CLEF event to filter, route and index it, without the <see cref="LogEvent"/>: the
/// timestamp, the level, whether it has an exception, the <c>Application</c> property where it is a string, and where
/// the text of the <c>TaskKey</c> property lies in the line (<see cref="TaskKeyStart"/> is -1 where there is none or the
/// summary was taken of a <see cref="LogEvent"/>). The values are those the event <see cref="ClefReader"/> builds would have.
/// </summary>
readonly record struct ClefSummary(
    DateTimeOffset Timestamp,
    LogEventLevel Level,
    string? Application,
    bool HasException,
    int TaskKeyStart = -1,
    int TaskKeyLength = 0)
{
    public const string ApplicationProperty = "Application";
    public const string TaskKeyProperty = TaskProperties.TaskKey;

    /// <summary>The summary of an event already built; <see cref="TaskKeyStart"/> is -1 (read the property instead).</summary>
    public static ClefSummary Of(LogEvent logEvent) =>
        new(logEvent.Timestamp, logEvent.Level, StringProperty(logEvent, ApplicationProperty), logEvent.Exception is not null);

    /// <summary>The <c>TaskKey</c> text of <paramref name="line"/>, the line this summary was read from; null where none.</summary>
    public string? TaskKey(ReadOnlySpan<byte> line) =>
        TaskKeyStart < 0 ? null : Encoding.UTF8.GetString(line.Slice(TaskKeyStart, TaskKeyLength));

    /// <summary>The property's value where it is a string scalar; null otherwise.</summary>
    public static string? StringProperty(LogEvent logEvent, string name) =>
        logEvent.Properties.TryGetValue(name, out var value) && value is ScalarValue { Value: string text } ? text : null;
}
