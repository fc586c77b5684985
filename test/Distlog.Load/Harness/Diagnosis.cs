namespace Distlog.Load.Harness;

/// <summary>
/// <c>--diagnose</c>: for one measured window of a .NET server, its GC activity (<see cref="GcMonitor"/>) and where its
/// CPU went, by thread name, per event. Off by default: the EventPipe session perturbs the figures a little.
/// </summary>
sealed class Diagnosis : IDisposable
{
    readonly int _pid;
    readonly GcMonitor? _gc;
    Dictionary<string, double> _before = [];

    Diagnosis(int pid)
    {
        _pid = pid;
        _gc = GcMonitor.TryStart(pid);
    }

    public static Diagnosis? Start(LoadOptions options, int pid) => options.Diagnose ? new Diagnosis(pid) : null;

    public void Begin()
    {
        _before = ProcStats.ThreadCpuSeconds(_pid);
        _gc?.Begin();
    }

    /// <summary>One line: GC figures, then the busiest threads' CPI in microseconds per event.</summary>
    public string End(long events)
    {
        var after = ProcStats.ThreadCpuSeconds(_pid);
        var gc = _gc?.End(events) ?? "GC: not available";
        var threads = after
            .Select(t => (Name: t.Key, Seconds: t.Value - _before.GetValueOrDefault(t.Key)))
            .Where(t => t.Seconds > 0)
            .OrderByDescending(t => t.Seconds)
            .Take(6)
            .Select(t => $"{t.Name} {t.Seconds * 1e6 / events:0.0}");
        return $"{gc}. CPU µs per event by thread: {string.Join(", ", threads)}";
    }

    public void Dispose() => _gc?.Dispose();
}
