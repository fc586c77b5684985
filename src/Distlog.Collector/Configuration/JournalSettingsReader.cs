using System.Globalization;
using YamlDotNet.RepresentationModel;

namespace Distlog.Collector.Configuration;

/// <summary>Reads the <c>journal</c> section: <c>path</c>, <c>maxBytes</c> (bytes, or with KiB/MiB/GiB/TiB), <c>fsync</c>,
/// <c>segmentBytes</c>, and <c>enabled</c> (false: no journal and no acknowledgements).</summary>
static class JournalSettingsReader
{
    const string FsyncChoices = "always, interval, never";

    public static JournalSettings? Read(YamlReader reader, YamlNode node, string path)
    {
        var settings = JournalSettings.Default;
        var enabled = true;
        foreach (var (name, key, value) in reader.Entries(reader.Mapping(node, path), path, "path", "maxBytes", "fsync", "segmentBytes", "enabled"))
        {
            var text = reader.Scalar(value, key);
            switch (name)
            {
                case "path":
                    settings = settings with { Path = text.Length > 0 ? text : throw reader.Error(value, key, "the journal's folder must not be empty") };
                    break;
                case "maxBytes": settings = settings with { MaxBytes = Size(reader, value, key, text) }; break;
                case "segmentBytes": settings = settings with { SegmentBytes = Size(reader, value, key, text) }; break;
                case "fsync":
                    settings = settings with
                    {
                        Fsync = text switch
                        {
                            "always" => JournalFsync.Always,
                            "interval" => JournalFsync.Interval,
                            "never" => JournalFsync.Never,
                            _ => throw reader.Error(value, key, $"unknown fsync '{text}'; expected one of: {FsyncChoices}"),
                        },
                    };
                    break;
                default:
                    enabled = text switch
                    {
                        "true" => true,
                        "false" => false,
                        _ => throw reader.Error(value, key, $"'{text}' is not true or false"),
                    };
                    break;
            }
        }
        return enabled ? settings : null;
    }

    static long Size(YamlReader reader, YamlNode node, string key, string text)
    {
        var units = new[] { ("TiB", 1L << 40), ("GiB", 1L << 30), ("MiB", 1L << 20), ("KiB", 1L << 10), ("", 1L) };
        foreach (var (suffix, factor) in units)
        {
            if (!text.EndsWith(suffix, StringComparison.Ordinal))
                continue;
            if (long.TryParse(text.AsSpan(0, text.Length - suffix.Length).Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var count)
                && count > 0 && count <= long.MaxValue / factor && count * factor >= 1024 * 1024)
                return count * factor;
            break;
        }
        throw reader.Error(node, key, $"'{text}' is not a size of at least 1 MiB: a number of bytes or e.g. 512MiB, 10GiB");
    }
}
