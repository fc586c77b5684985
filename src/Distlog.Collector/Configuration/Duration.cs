using System.Globalization;

namespace Distlog.Collector.Configuration;

/// <summary>
/// Parses durations as written in YAML: <c>250ms</c>, <c>10s</c>, <c>5m</c>, <c>1h</c>, a bare number of seconds,
/// or a .NET <see cref="TimeSpan"/> such as <c>00:00:10</c>; <c>off</c> means zero.
/// </summary>
static class Duration
{
    public const string Formats = "e.g. 250ms, 10s, 5m, 1h, 00:00:10 or off";

    public static bool TryParse(string? text, out TimeSpan value)
    {
        value = TimeSpan.Zero;
        if (string.IsNullOrWhiteSpace(text))
            return false;

        var s = text.Trim();
        if (s.Equals("off", StringComparison.OrdinalIgnoreCase))
            return true;

        if (s.Contains(':'))
            return TimeSpan.TryParse(s, CultureInfo.InvariantCulture, out value) && value >= TimeSpan.Zero;

        var (number, unit) = Split(s);
        if (!double.TryParse(number, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var amount))
            return false;

        double? milliseconds = unit.ToLowerInvariant() switch
        {
            "ms" => amount,
            "" or "s" => amount * 1000,
            "m" or "min" => amount * 60_000,
            "h" => amount * 3_600_000,
            "d" => amount * 86_400_000,
            _ => null,
        };
        if (milliseconds is not { } ms || ms > TimeSpan.MaxValue.TotalMilliseconds)
            return false;

        value = TimeSpan.FromMilliseconds(ms);
        return true;
    }

    static (string Number, string Unit) Split(string s)
    {
        var i = s.Length;
        while (i > 0 && char.IsAsciiLetter(s[i - 1]))
            i--;
        return (s[..i].TrimEnd(), s[i..]);
    }
}
