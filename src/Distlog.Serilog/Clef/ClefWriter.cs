using System.Text.Encodings.Web;
using System.Text.Json;
using Serilog.Events;

namespace Distlog.Clef;

/// <summary>
/// Writes Serilog events as CLEF (compact log event format) JSON objects, the format of
/// Serilog.Formatting.Compact's <c>CompactJsonFormatter</c>: <c>@t</c>, <c>@mt</c>, <c>@i</c> (the template's
/// event id, as <c>RenderedCompactJsonFormatter</c> writes it), <c>@r</c>, <c>@l</c> (omitted for Information),
/// <c>@x</c>, <c>@tr</c>, <c>@sp</c>, then the properties, a leading <c>@</c> in a name doubled.
/// Stateless and thread-safe; never throws for odd property values.
/// </summary>
public static class ClefWriter
{
    /// <summary>
    /// The writer options CLEF lines are written with: not indented, and escaping only what JSON requires plus
    /// control characters (as Serilog does), so non-ASCII text stays readable.
    /// </summary>
    public static JsonWriterOptions WriterOptions { get; } = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Indented = false,
        SkipValidation = true,
    };

    /// <summary>Writes one CLEF JSON object (no trailing newline) to <paramref name="writer"/>.</summary>
    /// <param name="logEvent">The event to write.</param>
    /// <param name="writer">The writer, preferably created with <see cref="WriterOptions"/>; it is not flushed.</param>
    public static void Write(LogEvent logEvent, Utf8JsonWriter writer) =>
        Write(logEvent, writer, ReadOnlySpan<LogEventProperty>.Empty);

    /// <summary>
    /// Writes one CLEF JSON object (no trailing newline), plus each of <paramref name="extras"/> where the
    /// event has no property of that name. The event is not changed.
    /// </summary>
    /// <param name="logEvent">The event to write.</param>
    /// <param name="writer">The writer, preferably created with <see cref="WriterOptions"/>; it is not flushed.</param>
    /// <param name="extras">Properties added where the event lacks them, e.g. Application and Host.</param>
    public static void Write(LogEvent logEvent, Utf8JsonWriter writer, ReadOnlySpan<LogEventProperty> extras)
    {
        ArgumentNullException.ThrowIfNull(logEvent);
        ArgumentNullException.ThrowIfNull(writer);

        writer.WriteStartObject();
        Span<byte> utf8 = stackalloc byte[ClefTimestamp.MaxLength];
        writer.WriteString(ClefFields.Timestamp, utf8[..ClefTimestamp.Format(logEvent.Timestamp, utf8)]);
        var template = logEvent.MessageTemplate.Text;
        ClefStrings.WriteField(writer, ClefFields.MessageTemplate, template);
        EventIdHash.Format(ClefWriteCache.EventId(template), utf8);
        writer.WriteString(ClefFields.EventId, utf8[..8]);
        ClefRenderings.Write(writer, logEvent);
        if (logEvent.Level != LogEventLevel.Information)
            writer.WriteString(ClefFields.Level, ClefLevel.Name(logEvent.Level));
        if (logEvent.Exception != null)
            ClefStrings.WriteField(writer, ClefFields.Exception, ExceptionText(logEvent.Exception));
        WriteIds(writer, logEvent);

        var count = ReservedFieldCount(logEvent);
        if (logEvent.Properties is Dictionary<string, LogEventPropertyValue> properties)
        {
            foreach (var (name, value) in properties)
                WriteProperty(writer, name, value, ref count);
        }
        else
        {
            foreach (var (name, value) in logEvent.Properties)
                WriteProperty(writer, name, value, ref count);
        }

        foreach (var extra in extras)
        {
            if (!logEvent.Properties.ContainsKey(extra.Name))
                WriteProperty(writer, extra.Name, extra.Value, ref count);
        }

        writer.WriteEndObject();
    }

    static void WriteIds(Utf8JsonWriter writer, LogEvent logEvent)
    {
        // ActivityTraceId and ActivitySpanId keep their hex string: ToHexString does not allocate.
        if (logEvent.TraceId is { } traceId)
            writer.WriteString(ClefFields.TraceId, traceId.ToHexString());
        if (logEvent.SpanId is { } spanId)
            writer.WriteString(ClefFields.SpanId, spanId.ToHexString());
    }

    static int ReservedFieldCount(LogEvent logEvent) =>
        3 + (logEvent.Level != LogEventLevel.Information ? 1 : 0) + (logEvent.Exception != null ? 1 : 0) +
        (logEvent.TraceId != null ? 1 : 0) + (logEvent.SpanId != null ? 1 : 0) + (HasRenderings(logEvent) ? 1 : 0);

    static bool HasRenderings(LogEvent logEvent)
    {
        if (logEvent.MessageTemplate.Tokens is not Serilog.Parsing.MessageTemplateToken[] tokens)
            return true;
        foreach (var token in tokens)
        {
            if (token is Serilog.Parsing.PropertyToken { Format: not null })
                return true;
        }

        return false;
    }

    static void WriteProperty(Utf8JsonWriter writer, string name, LogEventPropertyValue value, ref int count)
    {
        // Past the reader's bound the line would be rejected whole; dropping the excess keeps the event.
        if (++count > ClefReader.MaxProperties)
            return;
        if (ClefWriteCache.TryGetName(name, out var encoded))
            writer.WritePropertyName(encoded);
        else
            ClefFields.WritePropertyName(writer, name);
        ClefPropertyValueWriter.Write(writer, value, 1);
    }

    static string ExceptionText(Exception exception)
    {
        try
        {
            return exception.ToString();
        }
        catch (Exception ex)
        {
            return $"{exception.GetType().FullName} (ToString() threw {ex.GetType().Name})";
        }
    }
}
