using Serilog.Events;

namespace Distlog.Collector.Configuration;

/// <summary>
/// A plugin's <c>filter</c>: an event passes when it is at or above <see cref="MinimumLevel"/> and, for each
/// list that is not empty, its value is in the list (application, topic system letter, task root), and where an
/// <see cref="Expression"/> is given, that expression is true of it.
/// </summary>
sealed record FilterSettings(
    LogEventLevel MinimumLevel,
    IReadOnlyList<string> Applications,
    string Systems,
    IReadOnlyList<string> Tasks)
{
    public static FilterSettings None { get; } = new(LogEventLevel.Verbose, [], "", []);

    /// <summary>A Serilog.Expressions condition (<c>filter.expression</c>), checked when it was read; null for none.</summary>
    public string? Expression { get; init; }
}
