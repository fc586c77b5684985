using Serilog;

namespace Distlog.Collector.Plugins.Files;

/// <summary>
/// The <c>file</c> plugin's arguments, named and defaulted as Serilog.Sinks.File's <c>WriteTo.File</c>.
/// </summary>
/// <param name="Path">The file; with a rolling interval the period goes before the extension (<c>logs/distlog-.clef</c>
/// becomes <c>logs/distlog-20261122.clef</c>).</param>
/// <param name="RollingInterval">When a new file starts, by local time as Serilog does; <c>Infinite</c>: never.</param>
/// <param name="FileSizeLimitBytes">The size a file may reach (it may exceed it by one line); null: no limit.</param>
/// <param name="RetainedFileCountLimit">Files kept, the current one included; older ones are deleted. Null: all.</param>
/// <param name="RollOnFileSizeLimit">At the size limit, go on in <c>_001</c>, <c>_002</c>... instead of discarding events.
/// True by default, unlike Serilog.Sinks.File: a collector should not discard events by default.</param>
/// <param name="Buffered">Keep lines in memory until <see cref="ClefFileSink.BufferSize"/> bytes are pending instead of
/// handing each batch to the OS at its end.</param>
/// <param name="FlushToDiskInterval">Also write what is pending and fsync at this interval; null: only at shutdown.</param>
sealed record ClefFileOptions(
    string Path = ClefFileOptions.DefaultPath,
    RollingInterval RollingInterval = ClefFileOptions.DefaultRollingInterval,
    long? FileSizeLimitBytes = ClefFileOptions.DefaultFileSizeLimitBytes,
    int? RetainedFileCountLimit = ClefFileOptions.DefaultRetainedFileCountLimit,
    bool RollOnFileSizeLimit = true,
    bool Buffered = false,
    TimeSpan? FlushToDiskInterval = null)
{
    public const string DefaultPath = "logs/distlog-.clef";
    public const RollingInterval DefaultRollingInterval = RollingInterval.Day;
    public const long DefaultFileSizeLimitBytes = 1L << 30;
    public const int DefaultRetainedFileCountLimit = 31;
}
