using System.Buffers;
using System.Text.Json;

namespace Distlog.Clef;

/// <summary>
/// Writes text that may hold unpaired surrogates. <see cref="Utf8JsonWriter"/> would write each as the escape
/// <c>\uFFFD</c>, which reads back as a plain U+FFFD that is then written raw, so a line would change on its
/// second trip. Replacing them with U+FFFD first writes the same bytes both times. The check is a vectorized
/// scan; only text that holds a surrogate is looked at further.
/// </summary>
static class ClefStrings
{
    public static void WriteValue(Utf8JsonWriter writer, ReadOnlySpan<char> text)
    {
        var rented = Sanitize(ref text);
        writer.WriteStringValue(text);
        Return(rented);
    }

    public static void WriteName(Utf8JsonWriter writer, ReadOnlySpan<char> name)
    {
        var rented = Sanitize(ref name);
        writer.WritePropertyName(name);
        Return(rented);
    }

    public static void WriteField(Utf8JsonWriter writer, JsonEncodedText name, ReadOnlySpan<char> value)
    {
        writer.WritePropertyName(name);
        WriteValue(writer, value);
    }

    static char[]? Sanitize(ref ReadOnlySpan<char> text)
    {
        var first = text.IndexOfAnyInRange('\uD800', '\uDFFF');
        if (first < 0 || IsWellFormed(text[first..]))
            return null;
        var buffer = ArrayPool<char>.Shared.Rent(text.Length);
        text.CopyTo(buffer);
        for (var i = first; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
                i++;
            else if (char.IsSurrogate(text[i]))
                buffer[i] = '\uFFFD';
        }

        text = buffer.AsSpan(0, text.Length);
        return buffer;
    }

    static bool IsWellFormed(ReadOnlySpan<char> text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
                i++;
            else if (char.IsSurrogate(text[i]))
                return false;
        }

        return true;
    }

    static void Return(char[]? rented)
    {
        if (rented != null)
            ArrayPool<char>.Shared.Return(rented);
    }
}
