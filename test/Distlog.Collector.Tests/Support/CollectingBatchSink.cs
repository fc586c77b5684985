using Distlog.Collector.Plugins;
using Serilog.Events;

namespace Distlog.Collector.Tests.Support;

/// <summary>
/// A plugin sink for in-process tests: keeps what it is given (with system letters), and can be held (blocks in
/// EmitBatch until released) or made to fail (throws) to play a slow or broken store.
/// </summary>
sealed class CollectingBatchSink : IBatchSink
{
    readonly List<(LogEvent Event, char System)> _events = [];
    readonly ManualResetEventSlim _released = new(initialState: true);
    volatile bool _failing;
    int _attempts;

    public (LogEvent Event, char System)[] Events { get { lock (_events) return [.. _events]; } }

    public int Attempts => Volatile.Read(ref _attempts);

    public bool Disposed { get; private set; }

    public void Hold() => _released.Reset();

    public void Release() => _released.Set();

    public void Fail(bool failing) => _failing = failing;

    public void EmitBatch(EventBatch batch)
    {
        Interlocked.Increment(ref _attempts);
        _released.Wait();
        if (_failing)
            throw new IOException("store is down");
        lock (_events)
        {
            for (var i = 0; i < batch.Count; i++)
                _events.Add((batch.Event(i), batch.System(i)));
        }
    }

    public void Dispose() => Disposed = true;
}
