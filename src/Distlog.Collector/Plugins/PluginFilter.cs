using Distlog.Clef;
using Distlog.Collector.Clef;
using Distlog.Collector.Configuration;
using Distlog.Collector.Events;
using Distlog.Tasks;
using Serilog.Events;
using Serilog.Expressions;

namespace Distlog.Collector.Plugins;

/// <summary>
/// A plugin's <c>filter</c>: minimum level, then (where configured) the <c>Application</c> property, the topic's
/// system letter and the task root from the <c>TaskKey</c> property, all read from the event's
/// <see cref="IngestedEvent.Summary"/>, so that filtering builds no <see cref="LogEvent"/>. Last, where configured, the
/// Serilog.Expressions <c>expression</c>, which must read the event from its line (about 55 times the cost of the fixed
/// filter; docs/performance.md). Immutable and thread-safe.
/// </summary>
sealed class PluginFilter(FilterSettings settings)
{
    public const string ApplicationProperty = ClefSummary.ApplicationProperty;
    public const string TaskKeyProperty = ClefSummary.TaskKeyProperty;

    readonly CompiledExpression? _expression = settings.Expression is { } text ? SerilogExpression.Compile(text) : null;

    public bool IsEmpty { get; } = settings == FilterSettings.None;

    public bool Passes(in IngestedEvent e)
    {
        if (IsEmpty)
            return true;
        if (e.Summary.Level < settings.MinimumLevel)
            return false;
        if (settings.Systems.Length > 0 && !settings.Systems.Contains(e.System))
            return false;
        if (settings.Applications.Count > 0 && !Contains(settings.Applications, e.Summary.Application))
            return false;
        if (settings.Tasks.Count > 0 && !(TaskKey.TryParse(e.TaskKey, out var key) && Contains(settings.Tasks, key.Root)))
            return false;
        return _expression is null || ExpressionResult.IsTrue(_expression(e.Event));
    }

    /// <summary>The property's value where it is a string scalar; null otherwise.</summary>
    public static string? StringProperty(LogEvent logEvent, string name) => ClefSummary.StringProperty(logEvent, name);

    static bool Contains(IReadOnlyList<string> values, string? value)
    {
        if (value is null)
            return false;
        foreach (var candidate in values)
        {
            if (string.Equals(candidate, value, StringComparison.Ordinal))
                return true;
        }
        return false;
    }
}
