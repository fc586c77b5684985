using System.Globalization;

namespace Distlog.Collector.Configuration;

/// <summary>A size in bytes as written in YAML: a whole number of bytes, or one with <c>KiB</c>, <c>MiB</c> or <c>GiB</c>.</summary>
static class ByteSize
{
    public const string Formats = "a whole number of bytes, or e.g. 512KiB, 256MiB, 2GiB";

    static readonly (string Suffix, long Factor)[] Units = [("KiB", 1L << 10), ("MiB", 1L << 20), ("GiB", 1L << 30)];

    public static bool TryParse(string text, out long bytes)
    {
        bytes = 0;
        var number = text.Replace("_", "", StringComparison.Ordinal).Trim();
        long factor = 1;
        foreach (var (suffix, unit) in Units)
        {
            if (number.EndsWith(suffix, StringComparison.OrdinalIgnoreCase))
            {
                number = number[..^suffix.Length].TrimEnd();
                factor = unit;
                break;
            }
        }
        if (!long.TryParse(number, NumberStyles.None, CultureInfo.InvariantCulture, out var count) || count <= 0 || count > long.MaxValue / factor)
            return false;
        bytes = count * factor;
        return true;
    }
}
