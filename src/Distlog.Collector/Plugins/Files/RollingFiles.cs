namespace Distlog.Collector.Plugins.Files;

/// <summary>
/// The files of one <c>file</c> plugin, as Serilog.Sinks.File keeps them: opening continues the newest file of the
/// current period, or goes on to the next sequence number after the size limit; each opening applies the retention
/// policy. Not thread-safe: the plugin's lock guards it.
/// </summary>
sealed class RollingFiles(ClefFileOptions options)
{
    readonly RollingFilePath _names = new(options.Path, options.RollingInterval);
    DateTime _nextPeriod;
    int? _sequence;

    public string Directory => _names.Directory;

    /// <summary>True once <paramref name="now"/> is past the period of the file last opened.</summary>
    public bool PeriodEnded(DateTime now) => now >= _nextPeriod;

    /// <summary>The files of the set that come after <paramref name="path"/>: a later period, or a later sequence number.</summary>
    public List<string> After(string path)
    {
        var later = new List<string>();
        if (!_names.TryMatch(System.IO.Path.GetFileName(path), out var period, out var sequence))
            return later;
        foreach (var file in System.IO.Directory.GetFiles(_names.Directory, _names.SearchPattern))
        {
            if (_names.TryMatch(System.IO.Path.GetFileName(file), out var p, out var s) &&
                (p > period || p == period && (s ?? 0) > (sequence ?? 0)))
                later.Add(file);
        }
        return later;
    }

    /// <summary>Opens the file for <paramref name="now"/>; with <paramref name="nextSequence"/>, one after the last opened.</summary>
    public PendingFile Open(DateTime now, bool nextSequence)
    {
        var period = _names.PeriodOf(now);
        var sequence = _names.LatestSequence(period);
        if (nextSequence && (sequence is null || sequence <= _sequence))
            sequence = (_sequence ?? 0) + 1;

        var file = new PendingFile(_names.FileFor(period, sequence));
        _nextPeriod = _names.NextPeriod(period);
        _sequence = sequence;
        RetentionPolicy.Apply(_names, file.Path, options.RetainedFileCountLimit);
        return file;
    }
}
