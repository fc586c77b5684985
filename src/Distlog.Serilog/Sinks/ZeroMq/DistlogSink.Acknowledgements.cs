using System.Buffers.Binary;
using System.Diagnostics;
using Distlog.Transport;
using Serilog.Debugging;

namespace Distlog.Sinks.ZeroMq;

/// <summary>
/// The worker's side of acknowledged delivery: a DEALER on the collector's control endpoint (routing id = this sink's
/// sender id), the batches kept until their acknowledgement, and resending those that are overdue.
/// </summary>
sealed partial class DistlogSink
{
    /// <summary>The DEALER that receives acknowledgements, known to the collector by the sender id; null without acknowledgements.</summary>
    ZmqSocket? OpenControl(ZmqContext context)
    {
        if (!_options.Acknowledge)
            return null;
        var endpoint = _options.EffectiveControlEndpoint
            ?? throw new ArgumentException($"No control endpoint can be derived from {_options.Endpoint}: set controlEndpoint, or acknowledge: false.");
        var socket = context.CreateSocket(ZmqSocketType.Dealer);
        try
        {
            // Acknowledgements travel as the batches do: encrypted, to the collector the server key names.
            ZmqCurveClient.Load(_options.ServerKey, _options.ClientCertificate)?.ApplyTo(socket);
            socket.SetRoutingId(_idFrame.AsSpan(0, SenderIdLength));
            // Soon back after a collector restart: acknowledgements sent before it reconnects are lost, and cost resends.
            socket.ReconnectInterval = TimeSpan.FromMilliseconds(100);
            socket.ReconnectIntervalMax = TimeSpan.FromSeconds(1);
            socket.Connect(endpoint);
            return socket;
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    /// <summary>Keeps the batch until it is acknowledged, holding its events' room in the queue.</summary>
    UnacknowledgedBatch Keep(ClefBatch batch)
    {
        _queue.Hold(batch.Count);
        return _unacknowledged.Add(batch.Payload, batch.Count);
    }

    bool TrySendKept(ZmqSocket socket, UnacknowledgedBatch kept)
    {
        BinaryPrimitives.WriteInt64LittleEndian(_idFrame.AsSpan(SenderIdLength), kept.Sequence);
        BinaryPrimitives.WriteInt64LittleEndian(_idFrame.AsSpan(SenderIdLength + 8), _unacknowledged.Lowest);
        if (!TrySend(socket, kept.Bytes, _idFrame))
            return false;
        _unacknowledged.Sent(kept);
        return true;
    }

    /// <summary>Sends again the batches whose acknowledgement is overdue (lost with a collector that restarted); false
    /// once stopping and the flush timeout has passed.</summary>
    bool ResendDue(ZmqSocket socket)
    {
        while (_unacknowledged.FirstDue() is { } due)
        {
            if (!TrySendKept(socket, due))
                return false;
            Interlocked.Increment(ref _resent);
        }
        return true;
    }

    void ReceiveAcknowledgements(ZmqSocket control)
    {
        while (control.TryReceive(_ackMessage, dontWait: true))
        {
            var isAck = _ackMessage.Data.SequenceEqual("ACK"u8) && _ackMessage.More;
            if (!isAck || !control.TryReceive(_ackMessage, dontWait: true))
            {
                while (_ackMessage.More && control.TryReceive(_ackMessage, dontWait: true))
                {
                }
                continue;
            }
            var sequences = _ackMessage.Data;
            for (var at = 0; at + 8 <= sequences.Length; at += 8)
            {
                var events = _unacknowledged.Acknowledge(BinaryPrimitives.ReadInt64LittleEndian(sequences[at..]));
                _queue.Release(events);
                Interlocked.Add(ref _sent, events);
            }
            _everAcknowledged = true;
            while (_ackMessage.More && control.TryReceive(_ackMessage, dontWait: true))
            {
            }
        }
    }

    void WaitForAcknowledgements(ZmqSocket control)
    {
        ReadOnlySpan<ZmqSocket> sockets = [control];
        Span<bool> readable = [false];
        // Short, so that events queued meanwhile wait no longer than this for their turn.
        ZmqPoller.Poll(sockets, readable, AcknowledgementPoll);
    }
}
