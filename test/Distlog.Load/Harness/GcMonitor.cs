using System.Diagnostics.Tracing;
using Microsoft.Diagnostics.NETCore.Client;
using Microsoft.Diagnostics.Tracing;
using Microsoft.Diagnostics.Tracing.Parsers;

namespace Distlog.Load.Harness;

/// <summary>
/// <c>--gc</c>: listens to a .NET process's GC events over EventPipe (as dotnet-trace does) and sums, for a window,
/// the collections per generation, the time the runtime was suspended for them, and the bytes allocated (from the
/// ~100 KB allocation ticks). A diagnostic: the session costs a little, so the figures of a --gc run are not the clean ones.
/// </summary>
sealed class GcMonitor : IDisposable
{
    readonly EventPipeSession _session;
    readonly Thread _reader;
    readonly List<(DateTime At, int Generation)> _collections = [];
    readonly List<(DateTime At, double Milliseconds)> _pauses = [];
    readonly List<(DateTime At, long Bytes, string Type)> _allocations = [];
    DateTime _from, _to = DateTime.MaxValue;

    GcMonitor(int pid)
    {
        var providers = new[] { new EventPipeProvider(ClrTraceEventParser.ProviderName, EventLevel.Verbose, (long)ClrTraceEventParser.Keywords.GC) };
        _session = new DiagnosticsClient(pid).StartEventPipeSession(providers, requestRundown: false);
        _reader = new Thread(Read) { IsBackground = true, Name = "GC monitor" };
        _reader.Start();
    }

    /// <summary>Attaches to <paramref name="pid"/>; null (and a progress line) when the runtime does not answer.</summary>
    public static GcMonitor? TryStart(int pid)
    {
        try
        {
            return new GcMonitor(pid);
        }
        catch (Exception ex) when (ex is ServerNotAvailableException or UnsupportedCommandException or TimeoutException or IOException)
        {
            Progress.Write($"--gc: cannot attach to {pid}: {ex.Message}");
            return null;
        }
    }

    public void Begin() => _from = DateTime.Now;

    /// <summary>Ends the window, stops the session and sums what happened in the window, per event measured.</summary>
    public string End(long events)
    {
        _to = DateTime.Now;
        Dispose();
        lock (_collections)
        {
            bool In(DateTime at) => at >= _from && at <= _to;
            var generations = Enumerable.Range(0, 3).Select(g => _collections.Count(c => In(c.At) && c.Generation == g)).ToArray();
            var paused = _pauses.Where(p => In(p.At)).Sum(p => p.Milliseconds);
            var ticks = _allocations.Where(a => In(a.At)).ToList();
            var allocated = ticks.Sum(a => a.Bytes);
            var window = (_to - _from).TotalMilliseconds;
            return $"GC: {generations[0]} gen0, {generations[1]} gen1, {generations[2]} gen2 collections; runtime suspended " +
                $"{paused:0} ms of {window:0} ms ({100 * paused / window:0}%); ~{allocated / Math.Max(events, 1):N0} bytes allocated per event" +
                TopTypes(ticks, allocated);
        }
    }

    /// <summary>The types with the most of the sampled bytes, e.g. " (Byte[] 62%, LogEvent 20%)"; empty when none sampled.</summary>
    static string TopTypes(List<(DateTime At, long Bytes, string Type)> ticks, long allocated)
    {
        if (allocated == 0)
            return "";
        var top = ticks.GroupBy(t => t.Type)
            .Select(g => (Type: g.Key, Share: 100.0 * g.Sum(t => t.Bytes) / allocated))
            .OrderByDescending(t => t.Share)
            .Take(4)
            .Select(t => $"{t.Type} {t.Share:0}%");
        return $" ({string.Join(", ", top)})";
    }

    public void Dispose()
    {
        try
        {
            _session.Stop();
        }
        catch (Exception ex) when (ex is ServerNotAvailableException or IOException or TimeoutException)
        {
        }
        _reader.Join(TimeSpan.FromSeconds(10));
        _session.Dispose();
    }

    void Read()
    {
        using var source = new EventPipeEventSource(_session.EventStream);
        DateTime? suspended = null;
        source.Clr.GCStart += e => Add(_collections, (e.TimeStamp, Math.Min(e.Depth, 2)));
        source.Clr.GCSuspendEEStart += e => suspended = e.TimeStamp;
        source.Clr.GCRestartEEStop += e =>
        {
            if (suspended is { } start)
                Add(_pauses, (e.TimeStamp, (e.TimeStamp - start).TotalMilliseconds));
            suspended = null;
        };
        source.Clr.GCAllocationTick += e => Add(_allocations, (e.TimeStamp, e.AllocationAmount64, e.TypeName));
        try
        {
            source.Process();
        }
        catch (Exception ex) when (ex is IOException or ObjectDisposedException)
        {
        }
    }

    void Add<T>(List<T> list, T item)
    {
        lock (_collections)
            list.Add(item);
    }
}
