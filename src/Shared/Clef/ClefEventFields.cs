using System.Buffers;
using System.Diagnostics;
using System.Text.Json;
using Serilog.Events;
using Serilog.Parsing;

namespace Distlog.Clef;

/// <summary>Reads the values of the reserved CLEF fields, each failing with a reason that names the field.</summary>
static class ClefEventFields
{
    /// <summary>The name given to a property whose CLEF name Serilog cannot use (empty or white space).</summary>
    public const string UnnamedProperty = "(unnamed)";

    public static DateTimeOffset? Timestamp(ref Utf8JsonReader reader)
    {
        if (reader.TokenType == JsonTokenType.Null)
            return null;
        if (reader.TokenType != JsonTokenType.String)
            throw new ClefFormatException("@t is not a string");
        Span<byte> buffer = stackalloc byte[ClefTimestamp.MaxLength];
        if (reader.ValueSpan.Length <= buffer.Length &&
            ClefTimestamp.TryParse(buffer[..reader.CopyString(buffer)], out var timestamp))
            return timestamp;
        throw new ClefFormatException($"@t is not an ISO 8601 date: {ClefJson.Quote(reader.GetString()!)}");
    }

    public static string? String(ref Utf8JsonReader reader, string field) => reader.TokenType switch
    {
        JsonTokenType.String => reader.GetString(),
        JsonTokenType.Null => null,
        _ => throw new ClefFormatException($"{field} is not a string"),
    };

    /// <summary>Reads <c>@mt</c> through the template cache, without allocating the text of a known template.</summary>
    public static MessageTemplate? Template(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.String)
            return String(ref reader, "@mt") == null ? null : throw new UnreachableException();
        if (reader.ValueSpan.Length > ClefTemplateCache.MaxLength)
            return ClefTemplateCache.Parse(reader.GetString()!);
        var buffer = ArrayPool<char>.Shared.Rent(ClefTemplateCache.MaxLength);
        try
        {
            return ClefTemplateCache.Get(buffer.AsSpan(0, reader.CopyString(buffer)));
        }
        finally
        {
            ArrayPool<char>.Shared.Return(buffer);
        }
    }

    public static LogEventLevel Level(ref Utf8JsonReader reader)
    {
        var text = String(ref reader, "@l");
        if (text == null)
            return LogEventLevel.Information;
        return ClefLevel.TryParse(text, out var level) ? level : throw new ClefFormatException($"@l {ClefJson.Quote(text)} is not a level");
    }

    public static ActivityTraceId TraceId(ref Utf8JsonReader reader)
    {
        Span<char> hex = stackalloc char[32];
        return Hex(ref reader, "@tr", hex) ? ActivityTraceId.CreateFromString(hex) : default;
    }

    public static ActivitySpanId SpanId(ref Utf8JsonReader reader)
    {
        Span<char> hex = stackalloc char[16];
        return Hex(ref reader, "@sp", hex) ? ActivitySpanId.CreateFromString(hex) : default;
    }

    /// <summary>Reads a W3C id: exactly as many hex digits as <paramref name="hex"/> holds, not all zero; upper case is lowered.</summary>
    static bool Hex(ref Utf8JsonReader reader, string field, scoped Span<char> hex)
    {
        if (reader.TokenType == JsonTokenType.Null)
            return false;
        if (reader.TokenType != JsonTokenType.String)
            throw new ClefFormatException($"{field} is not a string");
        var utf8 = reader.ValueSpan;
        var valid = !reader.ValueIsEscaped && utf8.Length == hex.Length;
        for (var i = 0; valid && i < utf8.Length; i++)
        {
            valid = char.IsAsciiHexDigit((char)utf8[i]);
            hex[i] = char.ToLowerInvariant((char)utf8[i]);
        }

        if (!valid || hex.IndexOfAnyExcept('0') < 0)
            throw new ClefFormatException($"{field} is not a {hex.Length}-digit hex id: {ClefJson.Quote(reader.GetString()!)}");
        return true;
    }

    /// <summary>Reads <c>@r</c> into <paramref name="renderings"/>; <see langword="false"/> when it is null.</summary>
    public static bool Renderings(ref Utf8JsonReader reader, List<string> renderings, int lineLength)
    {
        if (reader.TokenType == JsonTokenType.Null)
            return false;
        if (reader.TokenType != JsonTokenType.StartArray)
            throw new ClefFormatException("@r is not an array of strings");
        renderings.Clear();
        while (true)
        {
            ClefJson.Next(ref reader, lineLength);
            if (reader.TokenType == JsonTokenType.EndArray)
                return true;
            if (reader.TokenType != JsonTokenType.String)
                throw new ClefFormatException("@r is not an array of strings");
            renderings.Add(reader.GetString()!);
        }
    }

    /// <summary>
    /// Gives the k-th rendering to the property of the k-th formatted token, as the writer produced them; extra
    /// renderings or tokens (a foreign writer's) are ignored. Only scalars carry renderings.
    /// </summary>
    public static void AttachRenderings(MessageTemplate template, List<string> renderings, List<LogEventProperty> properties)
    {
        var next = 0;
        foreach (var token in template.Tokens)
        {
            if (token is not PropertyToken { Format: { } format } property)
                continue;
            if (next == renderings.Count)
                return;
            var text = renderings[next++];
            var index = properties.FindLastIndex(p => p.Name == property.PropertyName);
            if (index >= 0 && properties[index].Value is ScalarValue scalar)
                properties[index] = new LogEventProperty(property.PropertyName, RenderedScalarValue.With(scalar, format, text));
        }
    }

    /// <summary>The template whose rendering is <paramref name="message"/>: its braces doubled.</summary>
    public static string EscapeTemplate(string message) => message.Replace("{", "{{").Replace("}", "}}");
}
