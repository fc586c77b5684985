using System.Globalization;
using System.Text;
using System.Text.Json;
using Serilog.Events;
using Serilog.Parsing;

namespace Distlog.Clef;

/// <summary>
/// <c>@r</c>: for each property token of the template that has a format (<c>{Amount:0.00}</c>), in template
/// order, the token rendered with the invariant culture, as <c>CompactJsonFormatter</c> writes them. Omitted when
/// no token has a format. The render buffer is reused per thread.
/// </summary>
static class ClefRenderings
{
    const int MaxRetainedChars = 16 * 1024;

    [ThreadStatic] static StringWriter? _buffer;
    [ThreadStatic] static char[]? _chars;

    public static void Write(Utf8JsonWriter writer, LogEvent logEvent)
    {
        var tokens = logEvent.MessageTemplate.Tokens as MessageTemplateToken[] ?? [.. logEvent.MessageTemplate.Tokens];
        var started = false;
        foreach (var token in tokens)
        {
            if (token is not PropertyToken { Format: not null } property)
                continue;
            if (!started)
            {
                writer.WriteStartArray(ClefFields.Renderings);
                started = true;
            }

            WriteRendering(writer, property, logEvent.Properties);
        }

        if (started)
            writer.WriteEndArray();
    }

    static void WriteRendering(Utf8JsonWriter writer, PropertyToken token, IReadOnlyDictionary<string, LogEventPropertyValue> properties)
    {
        // Taken out of the slot while in use: a value's ToString that logs would re-enter on this thread.
        var buffer = _buffer ?? new StringWriter(new StringBuilder(), CultureInfo.InvariantCulture);
        _buffer = null;
        var text = buffer.GetStringBuilder().Clear();
        try
        {
            token.Render(properties, buffer, CultureInfo.InvariantCulture);
        }
        catch (Exception ex)
        {
            text.Clear().Append(token.ToString()).Append(" (rendering threw ").Append(ex.GetType().Name).Append(')');
        }

        var chars = _chars is { } c && c.Length >= text.Length ? c : new char[Math.Max(text.Length, 256)];
        _chars = null;
        text.CopyTo(0, chars, 0, text.Length);
        ClefStrings.WriteValue(writer, chars.AsSpan(0, text.Length));
        if (chars.Length <= MaxRetainedChars)
            _chars = chars;
        if (text.Capacity <= MaxRetainedChars)
            _buffer = buffer;
    }
}
