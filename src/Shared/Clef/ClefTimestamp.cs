using System.Buffers;
using System.Buffers.Text;

namespace Distlog.Clef;

/// <summary>
/// <c>@t</c>: written as Serilog writes it, the UTC instant in round-trip format with 7 fractional digits
/// (<c>2024-05-01T12:00:00.1234567Z</c>). Read as ISO 8601 / RFC 3339 as other tools write it: <c>T</c> or a
/// space between date and time, seconds and fraction optional, fraction digits beyond 7 (nanoseconds) truncated,
/// offset <c>Z</c>, <c>+hh:mm</c>, <c>+hhmm</c> or <c>+hh</c>; a time without an offset is taken as UTC.
/// </summary>
static class ClefTimestamp
{
    public const int MaxLength = 64;

    public static int Format(DateTimeOffset timestamp, Span<byte> utf8)
    {
        Utf8Formatter.TryFormat(timestamp.UtcDateTime, utf8, out var written, new StandardFormat('O'));
        return written;
    }

    public static bool TryParse(ReadOnlySpan<byte> s, out DateTimeOffset timestamp)
    {
        timestamp = default;
        var i = 0;
        if (!Digits(s, ref i, 4, out var year) || !Expect(s, ref i, '-') || !Digits(s, ref i, 2, out var month) ||
            !Expect(s, ref i, '-') || !Digits(s, ref i, 2, out var day) || i >= s.Length ||
            (s[i] != 'T' && s[i] != 't' && s[i] != ' '))
            return false;
        i++;
        if (!Digits(s, ref i, 2, out var hour) || !Expect(s, ref i, ':') || !Digits(s, ref i, 2, out var minute))
            return false;
        int second = 0, ticks = 0;
        if (i < s.Length && s[i] == ':')
        {
            i++;
            if (!Digits(s, ref i, 2, out second))
                return false;
            if (i < s.Length && (s[i] == '.' || s[i] == ','))
            {
                i++;
                if (!Fraction(s, ref i, out ticks))
                    return false;
            }
        }

        if (!Offset(s, ref i, out var offsetMinutes) || i != s.Length)
            return false;
        if (month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(Math.Max(year, 1), month) ||
            hour > 23 || minute > 59 || second > 59 || year < 1)
            return false;

        var local = new DateTime(year, month, day, hour, minute, second).AddTicks(ticks);
        var utcTicks = local.Ticks - offsetMinutes * TimeSpan.TicksPerMinute;
        if (utcTicks < DateTime.MinValue.Ticks || utcTicks > DateTime.MaxValue.Ticks)
            return false;
        timestamp = new DateTimeOffset(local, TimeSpan.FromMinutes(offsetMinutes));
        return true;
    }

    static bool Offset(ReadOnlySpan<byte> s, ref int i, out int minutes)
    {
        minutes = 0;
        if (i == s.Length)
            return true;
        if (s[i] is (byte)'Z' or (byte)'z')
        {
            i++;
            return true;
        }

        if (s[i] is not ((byte)'+' or (byte)'-'))
            return false;
        var sign = s[i++] == '-' ? -1 : 1;
        if (!Digits(s, ref i, 2, out var hours) || hours > 14)
            return false;
        var offsetMinutes = 0;
        if (i < s.Length)
        {
            if (s[i] == ':')
                i++;
            if (!Digits(s, ref i, 2, out offsetMinutes) || offsetMinutes > 59)
                return false;
        }

        minutes = sign * (hours * 60 + offsetMinutes);
        return true;
    }

    static bool Fraction(ReadOnlySpan<byte> s, ref int i, out int ticks)
    {
        ticks = 0;
        var count = 0;
        for (; i < s.Length && char.IsAsciiDigit((char)s[i]); i++, count++)
        {
            if (count < 7)
                ticks = ticks * 10 + (s[i] - '0');
        }

        for (var pad = count; pad < 7; pad++)
            ticks *= 10;
        return count > 0;
    }

    static bool Digits(ReadOnlySpan<byte> s, ref int i, int count, out int value)
    {
        value = 0;
        if (i + count > s.Length)
            return false;
        for (var end = i + count; i < end; i++)
        {
            if (!char.IsAsciiDigit((char)s[i]))
                return false;
            value = value * 10 + (s[i] - '0');
        }

        return true;
    }

    static bool Expect(ReadOnlySpan<byte> s, ref int i, char c)
    {
        if (i >= s.Length || s[i] != c)
            return false;
        i++;
        return true;
    }
}
