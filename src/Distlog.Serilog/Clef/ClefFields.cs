using System.Text.Json;

namespace Distlog.Clef;

/// <summary>The reserved CLEF field names and the escaping of user property names.</summary>
static class ClefFields
{
    public const string TypeTag = "$type";

    public static readonly JsonEncodedText Timestamp = JsonEncodedText.Encode("@t");
    public static readonly JsonEncodedText MessageTemplate = JsonEncodedText.Encode("@mt");
    public static readonly JsonEncodedText EventId = JsonEncodedText.Encode("@i");
    public static readonly JsonEncodedText Renderings = JsonEncodedText.Encode("@r");
    public static readonly JsonEncodedText Level = JsonEncodedText.Encode("@l");
    public static readonly JsonEncodedText Exception = JsonEncodedText.Encode("@x");
    public static readonly JsonEncodedText TraceId = JsonEncodedText.Encode("@tr");
    public static readonly JsonEncodedText SpanId = JsonEncodedText.Encode("@sp");
    public static readonly JsonEncodedText TypeTagName = JsonEncodedText.Encode(TypeTag);

    /// <summary>
    /// Writes a user property name, doubling a leading <c>@</c> so that it cannot clash with a reserved field.
    /// </summary>
    public static void WritePropertyName(Utf8JsonWriter writer, string name)
    {
        if (name.Length == 0 || name[0] != '@')
        {
            ClefStrings.WriteName(writer, name);
            return;
        }

        // Names are short; a rented buffer keeps a very long one off the stack.
        char[]? rented = name.Length < 256 ? null : System.Buffers.ArrayPool<char>.Shared.Rent(name.Length + 1);
        Span<char> escaped = rented ?? stackalloc char[name.Length + 1];
        escaped[0] = '@';
        name.AsSpan().CopyTo(escaped[1..]);
        ClefStrings.WriteName(writer, escaped[..(name.Length + 1)]);
        if (rented != null)
            System.Buffers.ArrayPool<char>.Shared.Return(rented);
    }
}
