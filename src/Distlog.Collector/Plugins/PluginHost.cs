using System.Runtime.InteropServices;
using Distlog.Collector.Configuration;
using Distlog.Collector.Events;
using Distlog.Collector.Journal;
using Serilog;

namespace Distlog.Collector.Plugins;

/// <summary>
/// Runs one plugin: a bounded queue filled by the ingest thread, and one worker thread that creates the sink, writes
/// batches to it (retrying failed batches with backoff) and disposes it. When the queue is full the event is dropped
/// for this plugin only and counted, so a slow or dead plugin never stalls ingest or the other plugins — unless the
/// plugin is configured <c>whenFull: block</c>, where ingest waits for room instead.
/// </summary>
/// <remarks>
/// With a journal nothing is dropped: a plugin whose queue is full stops taking events live and reads them from the
/// journal (<see cref="JournalReader"/>) until it has caught up, then takes them live again; its place in the journal is
/// saved (<see cref="PluginCursor"/>), so a restarted collector resumes it where it stopped.
/// </remarks>
sealed partial class PluginHost : IDisposable
{
    readonly Func<IBatchSink> _createSink;
    readonly PluginFilter _filter;
    readonly int _batchSize;
    readonly PluginWhenFull _whenFull;
    readonly PluginQueue _queue;
    readonly List<IngestedEvent> _passed = [];
    readonly Thread _worker;
    readonly ManualResetEventSlim _started = new();
    readonly CancellationTokenSource _abort = new();
    readonly ILogger _log;
    readonly EventJournal? _journal;
    readonly PluginCursor? _cursor;
    // Whether ingest offers events to the queue; false while the plugin reads them from the journal.
    volatile bool _live = true;
    Exception? _startFailure;
    long _delivered, _dropped, _filtered;
    // The highest number of a line in ingest's chunks given to the queue (ingest thread only), and the highest one the
    // worker is done with.
    long _queuedLine;
    long _finishedLine;

    public PluginHost(string name, Func<IBatchSink> createSink, PluginFilter filter, int capacity, int batchSize, ILogger log,
        PluginWhenFull whenFull = PluginWhenFull.Drop, long capacityBytes = long.MaxValue, EventJournal? journal = null)
    {
        _journal = journal;
        _cursor = journal is null ? null : new PluginCursor(journal, name, log);
        _whenFull = whenFull;
        Name = name;
        _createSink = createSink;
        _filter = filter;
        _batchSize = batchSize;
        _log = log.ForContext("Plugin", name);
        _queue = new PluginQueue(capacity, capacityBytes);
        _worker = new Thread(Run) { Name = $"distlogd plugin {name}", IsBackground = true };
    }

    public string Name { get; }

    /// <summary>Events the sink accepted.</summary>
    public long Delivered => Interlocked.Read(ref _delivered);

    /// <summary>Events lost for this plugin: its queue was full, they were still queued or failing at shutdown, or the
    /// sink discarded them (a file at its size limit).</summary>
    public long Dropped => Interlocked.Read(ref _dropped);

    /// <summary>Why events were dropped last, for the warning that reports them.</summary>
    public string LastDropCause { get; private set; } = "";

    /// <summary>Events the plugin's filter turned away.</summary>
    public long Filtered => Interlocked.Read(ref _filtered);

    public int QueueDepth => _queue.Count;

    /// <summary>Events between this plugin's place in the journal and the journal's end (0 without a journal).</summary>
    public long JournalLag => _journal is null || _cursor is null ? 0 : Math.Max(0, _journal.NextId - _cursor.Position);

    /// <summary>Whether the plugin takes events as ingest offers them (false while it catches up from the journal).</summary>
    public bool IsLive => _live;

    /// <summary>Creates the sink on the worker thread and waits for it; throws what creating it threw.</summary>
    public void Start()
    {
        _worker.Start();
        _started.Wait();
        if (_startFailure is not null)
        {
            _worker.Join();
            throw new PluginStartException(Name, _startFailure);
        }
    }

    /// <summary>Queues the event where it passes the filter; blocks only with <c>whenFull: block</c>. Called by the ingest thread only.</summary>
    public void Offer(in IngestedEvent e) => Offer(new ReadOnlySpan<IngestedEvent>(in e));

    /// <summary>
    /// Queues the events (a message's) that pass the filter; blocks only with <c>whenFull: block</c>. Called by the
    /// ingest thread only. With <paramref name="deferWake"/> the worker may sleep on until <see cref="WakeWorker"/>.
    /// </summary>
    public void Offer(ReadOnlySpan<IngestedEvent> events, bool deferWake = false)
    {
        if (!_live)
            return;
        if (_filter.IsEmpty)
        {
            // These events point into ingest's chunks of lines; a filter's below hold copies of their own.
            if (events[^1].Line > 0)
                _queuedLine = events[^1].Line;
            Queue(events, deferWake, events[^1].Id);
            return;
        }

        foreach (ref readonly var e in events)
        {
            if (!_filter.Passes(e))
                Interlocked.Increment(ref _filtered);
            else
                // A filter keeps a few events of many: each keeps a line of its own, so that a queued event does not
                // keep alive the whole chunk of received lines it points into.
                _passed.Add(e.Clef.IsEmpty ? e : e with { Clef = e.Clef.ToArray() });
        }
        Queue(CollectionsMarshal.AsSpan(_passed), deferWake, events[^1].Id);
        _passed.Clear();
    }

    /// <summary>
    /// Whether this plugin holds no line in ingest's chunks numbered <paramref name="line"/> or lower: its worker is done
    /// with every event up to it, or it was given none of them (a filter's events hold copies). Called by the ingest
    /// thread only.
    /// </summary>
    public bool HoldsNoLineUpTo(long line) => Volatile.Read(ref _finishedLine) >= Math.Min(line, _queuedLine);

    /// <summary>Wakes the worker for events offered with a deferred wake-up. Called by the ingest thread only.</summary>
    public void WakeWorker() => _queue.WakeReader();

    void Queue(ReadOnlySpan<IngestedEvent> events, bool deferWake, long through)
    {
        if (events.IsEmpty)
        {
            _queue.MarkThrough(through);
            return;
        }
        var added = _whenFull == PluginWhenFull.Block ? _queue.Add(events, through) : _queue.TryAdd(events, deferWake, through);
        var refused = events.Length - added;
        if (refused == 0)
            return;
        if (_journal is not null)
        {
            // Behind: the worker takes these and the next ones from the journal.
            _live = false;
            _queue.WakeReader();
        }
        else
            CountDropped(refused, "its queue was full (no journal)");
    }

    void CountDropped(long count, string cause)
    {
        LastDropCause = cause;
        Interlocked.Add(ref _dropped, count);
    }

    /// <summary>Stops accepting events; the worker writes what is queued, then flushes and disposes the sink.</summary>
    public void Complete() => _queue.Complete();

    /// <summary>Ends a <c>whenFull: block</c> wait of ingest: what does not fit is dropped and counted from now on.</summary>
    public void StopBlocking() => _queue.Interrupt();

    /// <summary>Waits for the worker to drain; after <paramref name="timeout"/> it stops retrying failed batches and
    /// counts what is left as dropped. False when the worker did not finish even then.</summary>
    public bool WaitForDrain(TimeSpan timeout)
    {
        Complete();
        if (_worker.Join(timeout))
            return true;
        _abort.Cancel();
        return _worker.Join(timeout);
    }

    public void Dispose()
    {
        Complete();
        _abort.Cancel();
        if (_worker.IsAlive && !_worker.Join(TimeSpan.FromSeconds(5)))
            return; // the worker still uses what would be disposed; the process is ending anyway
        _abort.Dispose();
        _started.Dispose();
    }

    void Run()
    {
        IBatchSink sink;
        try
        {
            sink = _createSink();
            if (_cursor is not null && _journal is not null)
                _live = _cursor.Start(sink) >= _journal.NextId;
        }
        catch (Exception ex)
        {
            _startFailure = ex;
            _started.Set();
            return;
        }

        _started.Set();
        try
        {
            Pump(sink);
        }
        finally
        {
            try
            {
                sink.Dispose();
            }
            catch (Exception ex)
            {
                _log.Error(ex, "Plugin {Plugin} failed to flush and close", Name);
            }
        }
    }
}
