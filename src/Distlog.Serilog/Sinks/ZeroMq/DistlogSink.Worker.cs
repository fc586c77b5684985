using System.Buffers.Binary;
using System.Diagnostics;
using Distlog.Transport;
using Serilog.Debugging;

namespace Distlog.Sinks.ZeroMq;

/// <summary>The worker: owns the sockets, formats and batches what is queued, sends it.</summary>
sealed partial class DistlogSink
{
    void Run()
    {
        IClientTransport? transport = null;
        IClientSocket? socket = null;
        IClientSocket? control = null;
        try
        {
            transport = ClientTransports.Open(_options.Transport, ownsProcess: false, out var reason);
            SelfLog.WriteLine("Distlog sink: sending to {0} with {1}", _options.Endpoint, reason);
            socket = Open(transport);
            control = OpenControl(transport);
        }
        catch (Exception ex)
        {
            SelfLog.WriteLine("Distlog sink: cannot connect to {0}, events will be dropped: {1}", _options.Endpoint, ex.Message);
            _broken = true;
            DropQueued();
            socket?.Dispose();
            transport?.Dispose();
            return;
        }

        try
        {
            SendUntilStopped(transport, ref socket, control);
        }
        catch (Exception ex)
        {
            SelfLog.WriteLine("Distlog sink: the worker failed, events will be dropped: {0}", ex);
            _broken = true;
            DropQueued();
        }
        finally
        {
            Interlocked.Add(ref _dropped, _unacknowledged.Clear());
            Close(socket);
            control?.Dispose();
            // Terminating libzmq's context waits, up to the linger, until it has passed on what it holds.
            transport.Dispose();
        }
    }

    IClientSocket Open(IClientTransport transport)
    {
        var socket = transport.CreateSocket(ZmqSocketType.Push);
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

    void Close(IClientSocket socket)
    {
        socket.Linger = RemainingFlushTime();
        socket.Dispose();
    }

    void SendUntilStopped(IClientTransport transport, ref IClientSocket socket, IClientSocket? control)
    {
        var batch = new ClefBatch();
        var stopStarted = 0L;
        while (true)
        {
            if (control is not null)
            {
                ReceiveAcknowledgements(control);
                if (!ResendDue(socket))
                    return;
            }

            FillBatch(batch);
            if (batch.Count > 0)
            {
                bool sent;
                try
                {
                    sent = control is null ? TrySend(socket, batch.Payload, null) : TrySendKept(socket, Keep(batch));
                }
                catch (ZmqException ex)
                {
                    // One failed send costs its batch (unless it waits for its acknowledgement, and so is sent again), not
                    // the sink: a fresh socket carries on with the next one.
                    if (control is null)
                        Interlocked.Add(ref _dropped, batch.Count);
                    SelfLog.WriteLine("Distlog sink: sending {0} events to {1} failed; reconnecting: {2}", batch.Count, _options.Endpoint, ex.Message);
                    batch.Clear();
                    Thread.Sleep(SendRetryInterval);
                    var fresh = Open(transport);
                    Close(socket);
                    socket = fresh;
                    continue;
                }

                if (!sent)
                {
                    Interlocked.Add(ref _dropped, control is null ? batch.Count : 0);
                    DropQueued();
                    return;
                }
                if (control is null)
                    Interlocked.Add(ref _sent, batch.Count);
                batch.Clear();
                continue;
            }

            if (_stopping)
            {
                if (control is null || _unacknowledged.Count == 0 || RemainingFlushTime() == TimeSpan.Zero)
                    return;
                // A collector never reached will not answer within the flush timeout either.
                stopStarted = stopStarted == 0 ? Stopwatch.GetTimestamp() : stopStarted;
                if (!_everConnected && Stopwatch.GetElapsedTime(stopStarted) >= NeverReachedWait)
                    return;
            }

            ReportDropsNowAndThen();
            if (control is not null && _unacknowledged.Count > 0)
                WaitForAcknowledgements(control);
            else
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

    /// <summary>Sends topic, payload and (where given) the batch id, retrying while the collector is away; false once
    /// stopping and the flush timeout has passed.</summary>
    bool TrySend(IClientSocket socket, ReadOnlySpan<byte> payload, byte[]? id)
    {
        while (true)
        {
            if (socket.TrySend(_topic, more: true))
            {
                // The other frames of a started message are queued at once: ZeroMQ sends messages whole.
                if (!socket.TrySend(payload, more: id is not null) || id is not null && !socket.TrySend(id))
                    throw new ZmqException(ZmqError.Again, "Cannot send: the rest of a started message found no room.");
                _everConnected = true;
                return true;
            }

            if (_stopping && (RemainingFlushTime() == TimeSpan.Zero || !_everConnected && Stopwatch.GetElapsedTime(_stoppingSince) >= NeverReachedWait))
                return false;
            // The collector is away: what overflows the queue meanwhile is reported while it happens.
            ReportDropsNowAndThen();
        }
    }
}
