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
    IClientSocket? OpenControl(IClientTransport transport)
    {
        if (!_options.Acknowledge)
            return null;
        var endpoint = _options.EffectiveControlEndpoint
            ?? throw new ArgumentException($"No control endpoint can be derived from {_options.Endpoint}: set controlEndpoint, or acknowledge: false.");
        var socket = transport.CreateSocket(ZmqSocketType.Dealer);
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

    bool TrySendKept(IClientSocket socket, UnacknowledgedBatch kept)
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
    bool ResendDue(IClientSocket socket)
    {
        while (_unacknowledged.FirstDue() is { } due)
        {
            if (!TrySendKept(socket, due))
                return false;
            Interlocked.Increment(ref _resent);
        }
        return true;
    }

    void ReceiveAcknowledgements(IClientSocket control)
    {
        while (control.TryReceive(out var frame, out var more))
        {
            var isAck = frame.SequenceEqual("ACK"u8) && more;
            if (!isAck || !control.TryReceive(out frame, out more))
            {
                while (more && control.TryReceive(out _, out more))
                {
                }
                continue;
            }
            for (var at = 0; at + 8 <= frame.Length; at += 8)
            {
                var events = _unacknowledged.Acknowledge(BinaryPrimitives.ReadInt64LittleEndian(frame[at..]));
                _queue.Release(events);
                Interlocked.Add(ref _sent, events);
            }
            _everAcknowledged = true;
            while (more && control.TryReceive(out _, out more))
            {
            }
        }
    }

    // Short, so that events queued meanwhile wait no longer than this for their turn.
    void WaitForAcknowledgements(IClientSocket control) => control.WaitForMessage(AcknowledgementPoll);
}
