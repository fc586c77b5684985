namespace Distlog.Collector.Configuration;

/// <summary>
/// The <c>journal</c> section: the folder of segment files every accepted batch is appended to before it is
/// acknowledged, how large it may grow, and when it is forced to disk.
/// </summary>
sealed record JournalSettings(string Path, long MaxBytes, JournalFsync Fsync, long SegmentBytes)
{
    public const string DefaultPath = "logs/journal";
    public const long DefaultMaxBytes = 10L * 1024 * 1024 * 1024;
    public const long DefaultSegmentBytes = 64L * 1024 * 1024;

    /// <summary>At least this many segments fit in <see cref="MaxBytes"/>, so that a full journal can always free one.</summary>
    public const int MinimumSegments = 4;

    public static JournalSettings Default { get; } = new(DefaultPath, DefaultMaxBytes, JournalFsync.Interval, DefaultSegmentBytes);

    /// <summary>The size at which a segment is closed and the next begun.</summary>
    public long EffectiveSegmentBytes => Math.Max(64 * 1024, Math.Min(SegmentBytes, MaxBytes / MinimumSegments));
}
