using System.Globalization;
using Distlog.Collector.Configuration;

namespace Distlog.Collector.Plugins;

/// <summary>
/// Converts a built-in plugin's YAML scalar to the type of its setting: strings, numbers, booleans, enums (by name) and
/// <see cref="TimeSpan"/> (<c>00:00:10</c> or <c>10s</c>). Sinks named with <c>using</c> are bound by
/// Serilog.Settings.Configuration instead (<see cref="Generic.GenericSink"/>). Throws <see cref="FormatException"/> with a
/// message for the user.
/// </summary>
static class ArgumentConverter
{
    public static object? Convert(string? text, Type type)
    {
        var target = Nullable.GetUnderlyingType(type) ?? type;
        if (text is null)
        {
            return !type.IsValueType || target != type
                ? null
                : throw new FormatException($"null is not a value of {type.Name}");
        }

        if (target == typeof(string) || target == typeof(object))
            return text;
        if (target.IsEnum)
            return Enum(text, target);
        if (target == typeof(bool))
            return bool.TryParse(text, out var flag) ? flag : throw new FormatException($"'{text}' is not true or false");
        if (target == typeof(TimeSpan))
            return Duration.TryParse(text, out var duration) ? duration : throw new FormatException($"'{text}' is not a duration ({Duration.Formats})");
        if (target.IsPrimitive || target == typeof(decimal))
            return Number(text, target);

        return System.Convert.ChangeType(text, target, CultureInfo.InvariantCulture);
    }

    static object Enum(string text, Type type) =>
        System.Enum.TryParse(type, text, ignoreCase: true, out var value) && !char.IsAsciiDigit(text[0])
            ? value!
            : throw new FormatException($"'{text}' is not one of {string.Join(", ", System.Enum.GetNames(type))}");

    static object Number(string text, Type type)
    {
        try
        {
            return System.Convert.ChangeType(text.Replace("_", "", StringComparison.Ordinal), type, CultureInfo.InvariantCulture);
        }
        catch (Exception ex) when (ex is FormatException or OverflowException)
        {
            throw new FormatException($"'{text}' is not a valid {type.Name}");
        }
    }
}
