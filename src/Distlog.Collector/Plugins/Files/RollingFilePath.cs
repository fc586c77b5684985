using System.Globalization;
using Serilog;

namespace Distlog.Collector.Plugins.Files;

/// <summary>
/// The names of a rolling file set, as Serilog.Sinks.File gives them: the period start (<c>yyyy</c>, <c>yyyyMM</c>,
/// <c>yyyyMMdd</c>, <c>yyyyMMddHH</c> or <c>yyyyMMddHHmm</c>; nothing for <c>Infinite</c>) and, after a roll on size,
/// <c>_001</c>, <c>_002</c>..., between the file name and its extension. Immutable.
/// </summary>
sealed class RollingFilePath
{
    readonly RollingInterval _interval;
    readonly string _format;
    readonly string _prefix;
    readonly string _suffix;

    public RollingFilePath(string path, RollingInterval interval)
    {
        _interval = interval;
        _format = interval switch
        {
            RollingInterval.Infinite => "",
            RollingInterval.Year => "yyyy",
            RollingInterval.Month => "yyyyMM",
            RollingInterval.Day => "yyyyMMdd",
            RollingInterval.Hour => "yyyyMMddHH",
            RollingInterval.Minute => "yyyyMMddHHmm",
            _ => throw new ArgumentOutOfRangeException(nameof(interval), interval, "unknown rolling interval"),
        };
        var directory = System.IO.Path.GetDirectoryName(path);
        Directory = System.IO.Path.GetFullPath(string.IsNullOrEmpty(directory) ? "." : directory);
        _prefix = System.IO.Path.GetFileNameWithoutExtension(path);
        _suffix = System.IO.Path.GetExtension(path);
    }

    public string Directory { get; }

    /// <summary>A pattern for <see cref="System.IO.Directory.GetFiles(string, string)"/> that every file of the set matches.</summary>
    public string SearchPattern => $"{_prefix}*{_suffix}";

    /// <summary>The start of the period holding <paramref name="now"/>; null for <c>Infinite</c>.</summary>
    public DateTime? PeriodOf(DateTime now) => _interval switch
    {
        RollingInterval.Year => new DateTime(now.Year, 1, 1, 0, 0, 0, now.Kind),
        RollingInterval.Month => new DateTime(now.Year, now.Month, 1, 0, 0, 0, now.Kind),
        RollingInterval.Day => now.Date,
        RollingInterval.Hour => new DateTime(now.Year, now.Month, now.Day, now.Hour, 0, 0, now.Kind),
        RollingInterval.Minute => new DateTime(now.Year, now.Month, now.Day, now.Hour, now.Minute, 0, now.Kind),
        _ => null,
    };

    /// <summary>The start of the next period after <paramref name="period"/>; <see cref="DateTime.MaxValue"/> for none.</summary>
    public DateTime NextPeriod(DateTime? period) => period is not { } start ? DateTime.MaxValue : _interval switch
    {
        RollingInterval.Year => start.AddYears(1),
        RollingInterval.Month => start.AddMonths(1),
        RollingInterval.Day => start.AddDays(1),
        RollingInterval.Hour => start.AddHours(1),
        _ => start.AddMinutes(1),
    };

    /// <summary>The full path of the file for <paramref name="period"/> and <paramref name="sequence"/> (null: none).</summary>
    public string FileFor(DateTime? period, int? sequence)
    {
        var name = _prefix + period?.ToString(_format, CultureInfo.InvariantCulture)
            + (sequence is { } n ? "_" + n.ToString("000", CultureInfo.InvariantCulture) : "") + _suffix;
        return System.IO.Path.Combine(Directory, name);
    }

    /// <summary>The highest sequence among the existing files of <paramref name="period"/>; null where none has one.</summary>
    /// <remarks>Serilog continues the newest file of the period, so a restart appends instead of starting a new file.</remarks>
    public int? LatestSequence(DateTime? period)
    {
        int? latest = null;
        foreach (var file in System.IO.Directory.EnumerateFiles(Directory, SearchPattern))
        {
            if (TryMatch(System.IO.Path.GetFileName(file), out var filePeriod, out var sequence) && filePeriod == period
                && Nullable.Compare(sequence, latest) > 0)
                latest = sequence;
        }
        return latest;
    }

    /// <summary>True where <paramref name="fileName"/> (no folder) belongs to the set; gives its period and sequence.</summary>
    public bool TryMatch(string fileName, out DateTime? period, out int? sequence)
    {
        period = null;
        sequence = null;
        if (fileName.Length < _prefix.Length + _format.Length + _suffix.Length
            || !fileName.StartsWith(_prefix, StringComparison.Ordinal) || !fileName.EndsWith(_suffix, StringComparison.Ordinal))
            return false;

        var middle = fileName.AsSpan(_prefix.Length, fileName.Length - _prefix.Length - _suffix.Length);
        if (_format.Length > 0)
        {
            if (!DateTime.TryParseExact(middle[.._format.Length], _format, CultureInfo.InvariantCulture, DateTimeStyles.None, out var start))
                return false;
            period = start;
        }
        var rest = middle[_format.Length..];
        if (rest.IsEmpty)
            return true;
        if (rest.Length < 4 || rest[0] != '_' || !int.TryParse(rest[1..], NumberStyles.None, CultureInfo.InvariantCulture, out var n))
            return false;
        sequence = n;
        return true;
    }
}
