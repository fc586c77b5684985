using System.Globalization;
using System.Text.Json;

namespace Distlog.Clef;

/// <summary>
/// Writes scalar values exactly as Serilog's <c>JsonValueFormatter</c> does: the integral types and
/// <see cref="decimal"/> as JSON numbers; <see cref="double"/> and <see cref="float"/> as shortest round-trip
/// numbers, or as the strings <c>"NaN"</c>, <c>"Infinity"</c>, <c>"-Infinity"</c>; dates and times as round-trip
/// strings; <see cref="TimeSpan"/> in its constant format; everything else (Guid, enums, Uri, Int128...) as its
/// <see cref="object.ToString"/> string. Never throws: a value whose <c>ToString</c> throws is written as a note.
/// </summary>
static class ClefScalarWriter
{
    public static void Write(Utf8JsonWriter writer, object? value)
    {
        switch (value)
        {
            case null: writer.WriteNullValue(); break;
            case string s: ClefStrings.WriteValue(writer, s); break;
            case int i: writer.WriteNumberValue(i); break;
            case long l: writer.WriteNumberValue(l); break;
            case bool b: writer.WriteBooleanValue(b); break;
            case double d: WriteDouble(writer, d); break;
            case decimal m: writer.WriteNumberValue(m); break;
            case float f: WriteFloat(writer, f); break;
            case uint u: writer.WriteNumberValue(u); break;
            case ulong u: writer.WriteNumberValue(u); break;
            case short s: writer.WriteNumberValue(s); break;
            case ushort u: writer.WriteNumberValue(u); break;
            case byte b: writer.WriteNumberValue(b); break;
            case sbyte s: writer.WriteNumberValue(s); break;
            case char c: ClefStrings.WriteValue(writer, [c]); break;
            case DateTime dt: WriteFormatted(writer, dt, "O"); break;
            case DateTimeOffset dto: WriteFormatted(writer, dto, "O"); break;
            case TimeSpan ts: WriteFormatted(writer, ts, default); break;
            case DateOnly date: WriteFormatted(writer, date, "yyyy-MM-dd"); break;
            case TimeOnly time: WriteFormatted(writer, time, "O"); break;
            default: WriteObject(writer, value); break;
        }
    }

    static void WriteDouble(Utf8JsonWriter writer, double d)
    {
        if (double.IsFinite(d))
            writer.WriteNumberValue(d);
        else
            writer.WriteStringValue(double.IsNaN(d) ? "NaN" : d > 0 ? "Infinity" : "-Infinity");
    }

    static void WriteFloat(Utf8JsonWriter writer, float f)
    {
        if (float.IsFinite(f))
            writer.WriteNumberValue(f);
        else
            writer.WriteStringValue(float.IsNaN(f) ? "NaN" : f > 0 ? "Infinity" : "-Infinity");
    }

    static void WriteFormatted<T>(Utf8JsonWriter writer, T value, ReadOnlySpan<char> format)
        where T : ISpanFormattable
    {
        Span<char> buffer = stackalloc char[64];
        if (value.TryFormat(buffer, out var written, format, CultureInfo.InvariantCulture))
            writer.WriteStringValue(buffer[..written]);
        else
            writer.WriteStringValue(value.ToString(format.ToString(), CultureInfo.InvariantCulture));
    }

    static void WriteObject(Utf8JsonWriter writer, object value)
    {
        string? text;
        try
        {
            // As Serilog: the current culture's ToString, not the invariant one.
            text = value.ToString();
        }
        catch (Exception ex)
        {
            text = $"({value.GetType().FullName}.ToString() threw {ex.GetType().Name})";
        }

        if (text == null)
            writer.WriteNullValue();
        else
            ClefStrings.WriteValue(writer, text);
    }
}
