using System.Globalization;
using System.Text.Json;
using Serilog.Events;

namespace Distlog.Clef;

/// <summary>
/// The .NET type a JSON number is read as. The rule keeps the number's text: writing the value again gives the
/// same bytes whenever a .NET type can.
/// <list type="bullet">
/// <item>An integer (no <c>.</c>, <c>e</c> or <c>E</c>) that fits <see cref="long"/> is a <see cref="long"/>,
/// so an <see cref="int"/> property comes back as a <see cref="long"/> of equal value; a larger one is a
/// <see cref="decimal"/> (all of <see cref="ulong"/> fits), else a <see cref="double"/>. <c>-0</c> is the
/// double negative zero (the only way Serilog writes it).</item>
/// <item>A number with a fraction or an exponent is a <see cref="double"/> when the double's shortest round-trip
/// text is the number's text (what Serilog writes for doubles and floats), else a <see cref="decimal"/> when its
/// text is (<c>1.10</c>, more than 17 digits), else the nearest <see cref="double"/>.</item>
/// <item>A number beyond the range of <see cref="double"/> is kept as its text, a string.</item>
/// </list>
/// </summary>
static class ClefNumber
{
    public static ScalarValue Read(ref Utf8JsonReader reader)
    {
        var text = reader.ValueSpan;
        if (text.IndexOfAny((byte)'.', (byte)'e', (byte)'E') < 0)
        {
            if (text.SequenceEqual("-0"u8))
                return new ScalarValue(-0.0);
            if (reader.TryGetInt64(out var integer))
                return new ScalarValue(integer);
            if (reader.TryGetDecimal(out var large))
                return new ScalarValue(large);
        }
        else
        {
            if (reader.TryGetDouble(out var d) && Reproduces(d, text))
                return new ScalarValue(d);
            if (reader.TryGetDecimal(out var m) && Reproduces(m, text))
                return new ScalarValue(m);
        }

        if (reader.TryGetDouble(out var nearest) && double.IsFinite(nearest))
            return new ScalarValue(nearest);
        return new ScalarValue(System.Text.Encoding.UTF8.GetString(text));
    }

    static bool Reproduces<T>(T value, ReadOnlySpan<byte> text)
        where T : IUtf8SpanFormattable
    {
        Span<byte> buffer = stackalloc byte[64];
        return value.TryFormat(buffer, out var written, default, CultureInfo.InvariantCulture) &&
               buffer[..written].SequenceEqual(text);
    }
}
