using System.Globalization;
using System.Reflection;
using System.Text;
using Distlog.Clef;
using Distlog.Collector.Configuration;
using Serilog.Formatting;

namespace Distlog.Collector.Plugins.Generic;

/// <summary>
/// Converts a YAML scalar to a sink method's parameter type, as Serilog.Settings.Configuration does: strings, numbers,
/// booleans, enums (by name), <see cref="TimeSpan"/> (<c>00:00:10</c> or <c>10s</c>), <see cref="Uri"/>,
/// <see cref="Encoding"/> (by name), static members (<c>Namespace.Type::Member, Assembly</c>), and interface or
/// abstract types from a type name with a public parameterless constructor (<c>clef</c> is our CLEF formatter).
/// Throws <see cref="FormatException"/> with a message for the user.
/// </summary>
internal static class ArgumentConverter
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
        if (text.Contains("::", StringComparison.Ordinal))
            return StaticMember(text, target);
        if (target.IsEnum)
            return Enum(text, target);
        if (target == typeof(bool))
            return bool.TryParse(text, out var flag) ? flag : throw new FormatException($"'{text}' is not true or false");
        if (target == typeof(TimeSpan))
            return Duration.TryParse(text, out var duration) ? duration : throw new FormatException($"'{text}' is not a duration ({Duration.Formats})");
        if (target == typeof(Uri))
            return new Uri(text, UriKind.RelativeOrAbsolute);
        if (target == typeof(Encoding))
            return Encoding.GetEncoding(text);
        if (target == typeof(ITextFormatter) && text.Equals("clef", StringComparison.OrdinalIgnoreCase))
            return new ClefFormatter();
        if (target.IsPrimitive || target == typeof(decimal))
            return Number(text, target);
        if (target.IsInterface || target.IsAbstract)
            return Instance(text, target);

        return System.Convert.ChangeType(text, target, CultureInfo.InvariantCulture);
    }

    private static object Enum(string text, Type type) =>
        System.Enum.TryParse(type, text, ignoreCase: true, out var value) && !char.IsAsciiDigit(text[0])
            ? value!
            : throw new FormatException($"'{text}' is not one of {string.Join(", ", System.Enum.GetNames(type))}");

    private static object Number(string text, Type type)
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

    private static object Instance(string typeName, Type type)
    {
        var concrete = Type.GetType(typeName, throwOnError: false)
            ?? throw new FormatException($"type '{typeName}' was not found; give 'Namespace.Type, Assembly'");
        if (!type.IsAssignableFrom(concrete))
            throw new FormatException($"type '{typeName}' is not a {type.Name}");
        return Activator.CreateInstance(concrete)
            ?? throw new FormatException($"type '{typeName}' could not be created");
    }

    private static object? StaticMember(string text, Type type)
    {
        // "Namespace.Type::Member, Assembly", as Serilog.Settings.Configuration writes it.
        var separator = text.IndexOf("::", StringComparison.Ordinal);
        var comma = text.IndexOf(',', separator);
        var typeName = text[..separator] + (comma < 0 ? "" : text[comma..]);
        var memberName = (comma < 0 ? text[(separator + 2)..] : text[(separator + 2)..comma]).Trim();
        var owner = Type.GetType(typeName.Trim(), throwOnError: false)
            ?? throw new FormatException($"type '{typeName.Trim()}' was not found");
        const BindingFlags flags = BindingFlags.Public | BindingFlags.Static;
        var value = owner.GetProperty(memberName, flags)?.GetValue(null)
            ?? owner.GetField(memberName, flags)?.GetValue(null)
            ?? throw new FormatException($"'{owner.Name}' has no public static member '{memberName}'");
        return type.IsInstanceOfType(value) ? value : throw new FormatException($"'{text}' is not a {type.Name}");
    }
}
