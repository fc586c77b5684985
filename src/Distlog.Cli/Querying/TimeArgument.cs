using System.Globalization;

namespace Distlog.Cli.Querying;

/// <summary>
/// Parses <c>--since</c>/<c>--until</c>: an ISO 8601 date or date and time (UTC unless it has an offset), or a
/// span back from now: a number and a unit, <c>s</c>, <c>m</c>, <c>h</c>, <c>d</c> or <c>w</c> (<c>90s</c>, <c>15m</c>, <c>1h</c>, <c>2d</c>).
/// </summary>
static class TimeArgument
{
    /// <summary>What the option help says is accepted.</summary>
    public const string Accepted = "ISO 8601 (2024-05-01, 2024-05-01T10:00:00Z) or a span back from now (30s, 15m, 1h, 2d, 1w)";

    static readonly string[] Formats =
    [
        "yyyy-MM-dd", "yyyy-MM-ddTHH:mm", "yyyy-MM-ddTHH:mmK", "yyyy-MM-ddTHH:mm:ss", "yyyy-MM-ddTHH:mm:ssK",
        "yyyy-MM-ddTHH:mm:ss.FFFFFFF", "yyyy-MM-ddTHH:mm:ss.FFFFFFFK",
        "yyyy-MM-dd HH:mm", "yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd HH:mm:ssK", "yyyy-MM-dd HH:mm:ss.FFFFFFF", "yyyy-MM-dd HH:mm:ss.FFFFFFFK",
    ];

    /// <summary>Parses <paramref name="text"/> against <paramref name="now"/>; false for anything else.</summary>
    public static bool TryParse(string text, DateTimeOffset now, out DateTimeOffset value)
    {
        text = text.Trim();
        if (text.Length >= 2 && TryUnit(text[^1], out var unit) &&
            double.TryParse(text.AsSpan(0, text.Length - 1), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var amount))
        {
            value = now - unit * amount;
            return true;
        }

        return DateTimeOffset.TryParseExact(text, Formats, CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out value);
    }

    static bool TryUnit(char c, out TimeSpan unit)
    {
        unit = c switch
        {
            's' => TimeSpan.FromSeconds(1),
            'm' => TimeSpan.FromMinutes(1),
            'h' => TimeSpan.FromHours(1),
            'd' => TimeSpan.FromDays(1),
            'w' => TimeSpan.FromDays(7),
            _ => TimeSpan.Zero,
        };
        return unit != TimeSpan.Zero;
    }
}
