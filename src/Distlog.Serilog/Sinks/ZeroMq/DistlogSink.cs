using System.Diagnostics;
using System.Text;
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
sealed class DistlogSink : ILogEventSink, IDisposable
{
    static readonly TimeSpan IdleWait = TimeSpan.FromMilliseconds(250);
    static readonly TimeSpan SendRetryInterval = TimeSpan.FromMilliseconds(100);
    const int MessagesInFlight = 16;
    const int LineCapacity = 1024;
    // A logging thread keeps its line buffer up to this size; one grown by a huge event is left to the GC.
    const int LineCapacityKept = 64 * 1024;

    // One buffer per logging thread, shared by every sink, for the lines Emit formats itself.
    [ThreadStatic] static ClefBatch? t_line;

    readonly DistlogSinkOptions _options;
    readonly BoundedEventQueue _queue;
    readonly Thread _worker;
    readonly byte[] _topic;
    readonly LogEventProperty[] _extras;

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
        _worker = new Thread(Run) { IsBackground = true, Name = "Distlog sink" };
        _worker.Start();
    }

    /// <summary>Events dropped because the queue was full, the sink could not start, or flushing timed out.</summary>
    public long Dropped => Interlocked.Read(ref _dropped);

    /// <summary>The size of the line buffer the calling thread keeps (for tests).</summary>
    internal static int LineBufferKeptByThisThread => t_line?.Capacity ?? 0;

    /// <summary>Events handed to libzmq.</summary>
    public long Sent => Interlocked.Read(ref _sent);

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
            // The count includes the place just reserved.
            if (_queue.Count <= _options.FormatOnEmitDepth)
            {
                _queue.Enqueue(logEvent);
                return;
            }

            // Taken, not borrowed: formatting may call user code that logs on this thread again.
            var line = t_line ?? new ClefBatch(LineCapacity);
            t_line = null;
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
                t_line = line.Capacity <= LineCapacityKept ? line : null;
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

    /// <summary>Sends what is queued, waiting at most the flush timeout, then closes the socket. Idempotent.</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
            return;

        Volatile.Write(ref _stopDeadline, Stopwatch.GetTimestamp() + (long)(_options.FlushTimeout.TotalSeconds * Stopwatch.Frequency));
        _stopping = true;
        _queue.Wake();
        if (!_worker.Join(_options.FlushTimeout + TimeSpan.FromSeconds(2)))
            SelfLog.WriteLine("Distlog sink: the worker did not stop within the flush timeout {0}", _options.FlushTimeout);

        var lost = Dropped + _queue.Count;
        if (lost > 0)
            SelfLog.WriteLine("Distlog sink: {0} events were not delivered to {1} (queue full, collector unreachable, or flush timeout)", lost, _options.Endpoint);
        _queue.Dispose();
    }

    void Run()
    {
        ZmqContext? context = null;
        ZmqSocket socket;
        try
        {
            context = new ZmqContext();
            socket = Open(context);
        }
        catch (Exception ex)
        {
            SelfLog.WriteLine("Distlog sink: cannot connect to {0}, events will be dropped: {1}", _options.Endpoint, ex.Message);
            _broken = true;
            DropQueued();
            context?.Dispose();
            return;
        }

        try
        {
            SendUntilStopped(context, ref socket);
        }
        catch (Exception ex)
        {
            SelfLog.WriteLine("Distlog sink: the worker failed, events will be dropped: {0}", ex);
            _broken = true;
            DropQueued();
        }
        finally
        {
            Close(socket);
            // Terminating the context waits, up to the linger, until libzmq has passed on what it holds.
            context.Dispose();
        }
    }

    ZmqSocket Open(ZmqContext context)
    {
        var socket = context.CreateSocket(ZmqSocketType.Push);
        try
        {
            ZmqCurveClient.Load(_options.ServerKey, _options.ClientCertificate)?.ApplyTo(socket);
            // Only complete connections take messages, and only a few: while the collector is away,
            // events wait in our queue, which is the bound we count and report, not in libzmq's buffers.
            socket.Immediate = true;
            socket.SendHighWatermark = MessagesInFlight;
            socket.SendTimeout = SendRetryInterval;
            socket.ReconnectInterval = TimeSpan.FromMilliseconds(100);
            socket.ReconnectIntervalMax = TimeSpan.FromSeconds(5);
            socket.Connect(_options.Endpoint);
            return socket;
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    void Close(ZmqSocket socket)
    {
        socket.Linger = RemainingFlushTime();
        socket.Dispose();
    }

    void SendUntilStopped(ZmqContext context, ref ZmqSocket socket)
    {
        var batch = new ClefBatch();
        while (true)
        {
            FillBatch(batch);
            if (batch.Count > 0)
            {
                bool sent;
                try
                {
                    sent = TrySend(socket, batch);
                }
                catch (ZmqException ex)
                {
                    // One failed send costs its batch, not the sink: a fresh socket carries on with the next one.
                    Interlocked.Add(ref _dropped, batch.Count);
                    SelfLog.WriteLine("Distlog sink: sending {0} events to {1} failed, they were dropped; reconnecting: {2}", batch.Count, _options.Endpoint, ex.Message);
                    batch.Clear();
                    Thread.Sleep(SendRetryInterval);
                    var fresh = Open(context);
                    Close(socket);
                    socket = fresh;
                    continue;
                }

                if (!sent)
                {
                    Interlocked.Add(ref _dropped, batch.Count);
                    DropQueued();
                    return;
                }
                Interlocked.Add(ref _sent, batch.Count);
                batch.Clear();
                continue;
            }

            if (_stopping)
                return;

            ReportDropsNowAndThen();
            _queue.WaitForEvents(IdleWait);
        }
    }

    void FillBatch(ClefBatch batch)
    {
        while (batch.Count < _options.BatchSizeLimit && batch.Bytes < _options.BatchBytesLimit && _queue.TryDequeue(out var queued))
        {
            if (queued.Event is not { } logEvent)
                batch.Add(queued.Clef);
            else if (!batch.TryAdd(logEvent, _extras, _options.EventBodyLimitBytes))
                Interlocked.Increment(ref _dropped);
        }
    }

    /// <summary>Sends the batch, retrying while the collector is away; false once stopping and the flush timeout has passed.</summary>
    bool TrySend(ZmqSocket socket, ClefBatch batch)
    {
        while (true)
        {
            if (socket.TrySend(_topic, more: true))
            {
                // The second frame of a started message is queued at once: libzmq sends messages whole.
                socket.Send(batch.Payload);
                return true;
            }

            if (_stopping && RemainingFlushTime() == TimeSpan.Zero)
                return false;
            // The collector is away: what overflows the queue meanwhile is reported while it happens.
            ReportDropsNowAndThen();
        }
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
