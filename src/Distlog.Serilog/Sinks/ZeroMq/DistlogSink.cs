using System.Buffers.Binary;
using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using Distlog.Tasks;
using Distlog.Transport;
using Serilog;
using Serilog.Core;
using Serilog.Debugging;
using Serilog.Events;

namespace Distlog.Sinks.ZeroMq;

/// <summary>
/// Sends events to a distlogd collector: a bounded queue that <see cref="Emit"/> fills, and one background
/// worker that owns the ZeroMQ PUSH socket, formats CLEF, and sends batches of events as one message.
/// </summary>
sealed partial class DistlogSink : ILogEventSink, IDisposable
{
    static readonly TimeSpan IdleWait = TimeSpan.FromMilliseconds(250);
    static readonly TimeSpan SendRetryInterval = TimeSpan.FromMilliseconds(100);
    const int MessagesInFlight = 16;
    const int SenderIdLength = 16;
    // How long a stopping sink that never reached its collector goes on trying, instead of the whole flush timeout.
    static readonly TimeSpan NeverReachedWait = TimeSpan.FromSeconds(1);
    static readonly TimeSpan AcknowledgementPoll = TimeSpan.FromMilliseconds(10);
    const int LineCapacity = 1024;
    // A logging thread keeps its line buffer up to this size; one grown by a huge event is left to the GC.
    const int LineCapacityKept = 64 * 1024;

    // One buffer per logging thread, shared by every sink, for the lines Emit formats itself.
    [ThreadStatic] static ClefBatch? _line;

    readonly DistlogSinkOptions _options;
    readonly BoundedEventQueue _queue;
    readonly Thread _worker;
    readonly byte[] _topic;
    readonly LogEventProperty[] _extras;
    readonly UnacknowledgedBatches _unacknowledged;
    // The sender id (also the control socket's routing id), then the batch's sequence and the lowest unacknowledged one.
    readonly byte[] _idFrame = new byte[SenderIdLength + 16];
    volatile bool _everConnected;
    bool _everAcknowledged;
    long _resent;
    long _stoppingSince;

    volatile bool _stopping;
    volatile bool _broken;
    long _stopDeadline;
    long _dropped;
    long _droppedReported;
    long _lastDropReport = Stopwatch.GetTimestamp();
    long _sent;
    int _disposed;

    public DistlogSink(DistlogSinkOptions options)
    {
        _options = options;
        _queue = new BoundedEventQueue(options.QueueLimit);
        _topic = Encoding.ASCII.GetBytes($"{options.System}LC");
        _extras =
        [
            new LogEventProperty("Application", new ScalarValue(options.Application)),
            new LogEventProperty("Host", new ScalarValue(Environment.MachineName)),
            new LogEventProperty("ProcessId", new ScalarValue(Environment.ProcessId)),
        ];
        _unacknowledged = new UnacknowledgedBatches(options.AcknowledgementTimeout);
        RandomNumberGenerator.Fill(_idFrame.AsSpan(0, SenderIdLength));
        // A routing id must not start with a zero byte (libzmq reserves those).
        _idFrame[0] |= 1;
        _worker = new Thread(Run) { IsBackground = true, Name = "Distlog sink" };
        _worker.Start();
    }

    /// <summary>Events dropped because the queue was full, the sink could not start, or flushing timed out.</summary>
    public long Dropped => Interlocked.Read(ref _dropped);

    /// <summary>The size of the line buffer the calling thread keeps (for tests).</summary>
    internal static int LineBufferKeptByThisThread => _line?.Capacity ?? 0;

    /// <summary>Events delivered: acknowledged by the collector, or (without acknowledgements) handed to the ZeroMQ socket.</summary>
    public long Sent => Interlocked.Read(ref _sent);

    /// <summary>Batches sent again because their acknowledgement did not come in time.</summary>
    public long Resent => Interlocked.Read(ref _resent);

    /// <summary>Events sent and waiting for their acknowledgement.</summary>
    public int Unacknowledged => _queue.Held;

    /// <summary>
    /// Queues the event. Never throws; in drop mode never waits. After disposal, events are counted as dropped.
    /// </summary>
    /// <remarks>
    /// While the worker keeps up, it formats the event. Once <see cref="DistlogSinkOptions.FormatOnEmitDepth"/> or more
    /// events wait, the calling thread formats it and queues its CLEF line: a deep queue of <see cref="LogEvent"/>
    /// graphs would live through several collections and cost the whole process in GC work, a queue of lines in
    /// reused chunks costs nothing.
    /// </remarks>
    public void Emit(LogEvent logEvent)
    {
        // Room first, work second: a full queue in drop mode drops the event before anything is spent on it.
        if (Volatile.Read(ref _disposed) == 0 && !_broken && TryReserveWaitingIfFull())
        {
            // Without Enrich.FromLogContext() the events inside a task would arrive without their key.
            logEvent = AmbientTaskProperties.AddTo(logEvent);

            // The count includes the place just reserved.
            if (_queue.Count <= _options.FormatOnEmitDepth)
            {
                _queue.Enqueue(logEvent);
                return;
            }

            // Taken, not borrowed: formatting may call user code that logs on this thread again.
            var line = _line ?? new ClefBatch(LineCapacity);
            _line = null;
            line.Clear();
            try
            {
                if (line.TryAdd(logEvent, _extras, _options.EventBodyLimitBytes))
                {
                    _queue.Enqueue(line.Payload);
                    return;
                }
                _queue.CancelReservation();
            }
            finally
            {
                _line = line.Capacity <= LineCapacityKept ? line : null;
            }
        }

        Interlocked.Increment(ref _dropped);
    }

    /// <summary>Reserves a place in the queue; in block mode waits for one while the sink runs.</summary>
    bool TryReserveWaitingIfFull()
    {
        if (_queue.TryReserve())
            return true;
        if (_options.WhenFull != DistlogWhenFull.Block)
            return false;

        var spinner = new SpinWait();
        while (!_stopping && !_broken)
        {
            spinner.SpinOnce(sleep1Threshold: 20);
            if (_queue.TryReserve())
                return true;
        }
        return false;
    }

    /// <summary>Sends what is queued and waits for its acknowledgement, at most the flush timeout, then closes the
    /// sockets. Idempotent.</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
            return;

        Volatile.Write(ref _stopDeadline, Stopwatch.GetTimestamp() + (long)(_options.FlushTimeout.TotalSeconds * Stopwatch.Frequency));
        _stoppingSince = Stopwatch.GetTimestamp();
        _stopping = true;
        _queue.Wake();
        if (!_worker.Join(_options.FlushTimeout + TimeSpan.FromSeconds(2)))
            SelfLog.WriteLine("Distlog sink: the worker did not stop within the flush timeout {0}", _options.FlushTimeout);

        var lost = Dropped + _queue.Count;
        if (lost > 0)
            SelfLog.WriteLine("Distlog sink: {0} events were not delivered to {1}: {2}", lost, _options.Endpoint, LossCause());
        _queue.Dispose();
    }

    string LossCause()
    {
        if (!_everConnected)
            return "the collector was never reached (is distlogd running and listening there?)";
        if (_options.Acknowledge && !_everAcknowledged)
            return $"the collector never acknowledged a batch (is its control endpoint {_options.EffectiveControlEndpoint} reachable? " +
                "For a receiver without acknowledgements set acknowledge: false)";
        return _stopping ? "the queue was full, or the flush timeout passed before the collector acknowledged them" : "the queue was full";
    }

    TimeSpan RemainingFlushTime()
    {
        if (!_stopping)
            return _options.FlushTimeout;
        var remaining = Volatile.Read(ref _stopDeadline) - Stopwatch.GetTimestamp();
        return remaining <= 0 ? TimeSpan.Zero : TimeSpan.FromSeconds((double)remaining / Stopwatch.Frequency);
    }

    void ReportDropsNowAndThen()
    {
        if (Stopwatch.GetElapsedTime(_lastDropReport) < _options.DropReportInterval)
            return;
        _lastDropReport = Stopwatch.GetTimestamp();

        var dropped = Dropped;
        var reported = Interlocked.Exchange(ref _droppedReported, dropped);
        if (dropped > reported)
            SelfLog.WriteLine("Distlog sink: dropped {0} events for {1} ({2} in all)", dropped - reported, _options.Endpoint, dropped);
    }

    void DropQueued()
    {
        while (_queue.TryDequeue(out _))
            Interlocked.Increment(ref _dropped);
    }
}
