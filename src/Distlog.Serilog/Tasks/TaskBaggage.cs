using System.Diagnostics;
using System.Text;
using Serilog.Events;

namespace Distlog.Tasks;

/// <summary>
/// Bindings that travel with a task to other processes, as W3C baggage: on the task's <see cref="Activity"/>
/// (which .NET's propagator sends as the <c>baggage</c> header) and after a foreign id (<c>{id};{baggage}</c>).
/// </summary>
static class TaskBaggage
{
    /// <summary>Separates a foreign id from the baggage after it; never part of a task id that carries baggage.</summary>
    public const char Separator = ';';

    /// <summary>The text a bound value travels as: a scalar's invariant text, anything else as rendered.</summary>
    public static string ToText(LogEventPropertyValue value) => value is ScalarValue scalar
        ? Convert.ToString(scalar.Value, System.Globalization.CultureInfo.InvariantCulture) ?? ""
        : value.ToString();

    /// <summary>The baggage as the bound properties of a task that continues a task of another process; the first of a name wins.</summary>
    public static LogEventProperty[] ToProperties(IEnumerable<KeyValuePair<string, string?>> baggage)
    {
        List<LogEventProperty>? properties = null;
        foreach (var (name, value) in baggage)
        {
            if (!LogEventProperty.IsValidName(name) || properties?.Exists(p => p.Name == name) == true)
                continue;
            (properties ??= []).Add(new LogEventProperty(name, new ScalarValue(value ?? "")));
        }
        return properties is null ? [] : [.. properties];
    }

    /// <summary>Appends the W3C baggage of <paramref name="activity"/> to <paramref name="id"/>: <c>{id};k=v,k=v</c>.</summary>
    public static string AppendTo(string id, Activity activity)
    {
        StringBuilder? text = null;
        foreach (var (name, value) in activity.Baggage)
        {
            text = text is null ? new StringBuilder(id).Append(Separator) : text.Append(',');
            text.Append(Uri.EscapeDataString(name)).Append('=').Append(Uri.EscapeDataString(value ?? ""));
        }
        return text?.ToString() ?? id;
    }

    /// <summary>Splits a foreign id into the task id and the baggage after it, if any.</summary>
    public static string SplitFrom(string foreignId, out List<KeyValuePair<string, string?>> baggage)
    {
        baggage = [];
        var separator = foreignId.IndexOf(Separator);
        if (separator < 0)
            return foreignId;

        foreach (var member in foreignId[(separator + 1)..].Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            // A member's W3C properties (after ';') say nothing distlog reads.
            var entry = member.Split(Separator, 2)[0];
            var equals = entry.IndexOf('=');
            if (equals > 0)
                baggage.Add(new(Uri.UnescapeDataString(entry[..equals].Trim()), Uri.UnescapeDataString(entry[(equals + 1)..].Trim())));
        }
        return foreignId[..separator];
    }
}
