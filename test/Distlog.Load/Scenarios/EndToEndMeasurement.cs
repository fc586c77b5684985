namespace Distlog.Load.Scenarios;

/// <summary>One end-to-end run: speed, what arrived, and the cost on each side (apps summed; RSS the largest app's).</summary>
sealed record EndToEndMeasurement(double Rate, double FileRate, bool Ok, string Arrived, double AppCpuPerMillion, long AppPeakRss,
    double ReceiverCpuPerMillion, long ReceiverPeakRss, string? Failure)
{
    /// <summary>Whether the file held every event exactly once.</summary>
    public bool FileOk { get; init; }

    /// <summary>Rows in SQLite at the end, of <see cref="Total"/> (warm-up included).</summary>
    public long SqliteRows { get; init; }

    public long Total { get; init; }

    /// <summary>Methods the apps' JIT compiled from GO to the end, and the time it took, summed over the apps.</summary>
    public long AppJitMethods { get; init; }

    public double AppJitSeconds { get; init; }

    /// <summary>distlogd's --diagnose line, when asked for.</summary>
    public string? Diagnostics { get; init; }
}
