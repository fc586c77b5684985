using System.Buffers;
using System.Text;
using System.Text.Json;
using Distlog.Clef;
using Serilog.Events;
using Serilog.Formatting.Json;

namespace Distlog.Serilog.Tests.Support;

/// <summary>CLEF lines of events as <see cref="ClefWriter"/> writes them, and JSON in one comparable form.</summary>
static class ClefLine
{
    public static byte[] Bytes(LogEvent logEvent, params LogEventProperty[] extras)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, ClefWriter.WriterOptions))
            ClefWriter.Write(logEvent, writer, extras);
        return buffer.WrittenSpan.ToArray();
    }

    public static string Text(LogEvent logEvent, params LogEventProperty[] extras) =>
        Encoding.UTF8.GetString(Bytes(logEvent, extras));

    public static JsonElement Json(LogEvent logEvent, params LogEventProperty[] extras)
    {
        using var document = JsonDocument.Parse(Bytes(logEvent, extras));
        return document.RootElement.Clone();
    }

    /// <summary>The JSON of property <c>P</c> of the line written for an event holding only <paramref name="value"/>.</summary>
    public static string ValueJson(LogEventPropertyValue value) => Canonical(Json(Some.EventWith(value)).GetProperty("P"));

    /// <summary>What Serilog's own <see cref="JsonValueFormatter"/> (type tag <c>$type</c>) writes for <paramref name="value"/>.</summary>
    public static string SerilogValueJson(LogEventPropertyValue value)
    {
        var output = new StringWriter();
        new JsonValueFormatter("$type").Format(value, output);
        using var document = JsonDocument.Parse(output.ToString());
        return Canonical(document.RootElement);
    }

    /// <summary>JSON re-written one way, so that escaping choices do not matter but number texts and order do.</summary>
    public static string Canonical(JsonElement element)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, ClefWriter.WriterOptions))
            element.WriteTo(writer);
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }
}
