namespace Distlog.Clef;

/// <summary>
/// The CLEF event id (<c>@i</c>): a 32-bit Jenkins one-at-a-time hash of the message template text,
/// the same value Serilog.Formatting.Compact's <c>RenderedCompactJsonFormatter</c> writes, as 8 lowercase hex digits.
/// </summary>
static class EventIdHash
{
    /// <summary>Computes the hash of <paramref name="messageTemplate"/> over its UTF-16 code units.</summary>
    public static uint Compute(ReadOnlySpan<char> messageTemplate)
    {
        unchecked
        {
            uint hash = 0;
            foreach (var c in messageTemplate)
            {
                hash += c;
                hash += hash << 10;
                hash ^= hash >> 6;
            }

            hash += hash << 3;
            hash ^= hash >> 11;
            hash += hash << 15;
            return hash;
        }
    }

    /// <summary>Writes <paramref name="id"/> as 8 lowercase hex digits into <paramref name="utf8"/>.</summary>
    public static void Format(uint id, Span<byte> utf8)
    {
        for (var i = 7; i >= 0; i--)
        {
            var nibble = (int)(id & 0xF);
            utf8[i] = (byte)(nibble < 10 ? '0' + nibble : 'a' + nibble - 10);
            id >>= 4;
        }
    }

    /// <summary>Whether <paramref name="text"/> is exactly <paramref name="id"/> as <see cref="Format"/> writes it.</summary>
    public static bool Matches(uint id, ReadOnlySpan<char> text)
    {
        if (text.Length != 8)
            return false;
        Span<byte> utf8 = stackalloc byte[8];
        Format(id, utf8);
        for (var i = 0; i < 8; i++)
        {
            if (text[i] != utf8[i])
                return false;
        }

        return true;
    }
}
