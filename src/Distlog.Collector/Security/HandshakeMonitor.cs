using Distlog.Transport;

namespace Distlog.Collector.Security;

/// <summary>
/// Reads one CURVE server socket's connection events (<c>zmq_socket_monitor</c>) on the ZAP thread and reports each
/// handshake that failed before ZAP was asked: a client without CURVE (libzmq sees a mechanism mismatch, or the client
/// hanging up first when it saw the mismatch itself), or with the wrong server key. libzmq names only
/// the listening endpoint in these events, so the peer's address is taken when the connection is accepted (its file
/// descriptor), and the failure is reported when that connection ends, which libzmq announces right after it. A
/// connection that libzmq has already closed when the accept event is read (a client without CURVE is dropped within
/// microseconds) is reported from "an unknown address", with the endpoint it reached. Refusals
/// by ZAP are reported by <see cref="ZapHandler"/>, which knows the key. Without a CURVE server it only tells
/// <paramref name="observer"/>; with neither it reads and drops the events.
/// </summary>
sealed class HandshakeMonitor(ZmqSocket socket, CurveServer? server, IConnectionObserver? observer)
{
    const uint MechanismMismatch = 0x11000002;
    const uint Cryptographic = 0x11000001;

    readonly Dictionary<int, string> _peers = [];
    (HandshakeRefusal Kind, string Reason)? _failure;
    // Any failed handshake, ZAP's refusals too, until the disconnect that follows it.
    bool _handshakeFailed;

    public ZmqSocket Socket => socket;

    /// <summary>A ZAP domain registered for this socket alone, given up once the socket is closed; null for none.</summary>
    public string? Domain { get; init; }

    /// <summary>Lets the observer look again at what it waits for; called on every turn of the ZAP thread.</summary>
    public void Tick() => observer?.Tick();

    /// <summary>Handles the events that are waiting; false once the monitored socket is closed.</summary>
    public bool Read()
    {
        while (socket.ReceiveMultipart(TimeSpan.Zero) is { } frames)
        {
            if (frames[0].Length < 6)
                continue;
            var kind = BitConverter.ToUInt16(frames[0], 0);
            var value = BitConverter.ToInt32(frames[0], 2);
            switch (kind)
            {
                case LibZmq.EventAccepted:
                    if (server is not null)
                        _peers[value] = PeerAddress.Of(value);
                    observer?.Accepted(value);
                    break;
                case LibZmq.EventHandshakeFailedProtocol:
                    _handshakeFailed = true;
                    _failure = (uint)value switch
                    {
                        MechanismMismatch => (HandshakeRefusal.NoCurve, "a client without CURVE (or with another mechanism); this collector requires CURVE"),
                        Cryptographic => (HandshakeRefusal.WrongServerKey, "a CURVE client with the wrong server key, or a broken handshake"),
                        _ => (HandshakeRefusal.WrongServerKey, $"a handshake that broke the protocol (error 0x{value:x8})"),
                    };
                    break;
                case LibZmq.EventHandshakeFailedNoDetail:
                    // Indistinguishable here: a plain client that saw the server ask for CURVE and hung up first, and a
                    // port probe that connects and closes.
                    _handshakeFailed = true;
                    _failure = (HandshakeRefusal.NoCurve, "the client closed the connection during the handshake (a client without CURVE does, and so does a port probe)");
                    break;
                case LibZmq.EventHandshakeFailedAuth:
                    _handshakeFailed = true;
                    _failure = null;
                    break;
                case LibZmq.EventDisconnected:
                    var address = _peers.Remove(value, out var peer) ? peer : "an unknown address";
                    if (_failure is { } failure)
                        server?.Refused(failure.Kind, frames.Length > 1 ? $"{address} to {System.Text.Encoding.UTF8.GetString(frames[1])}" : address, failure.Reason);
                    observer?.Disconnected(value, _handshakeFailed);
                    _failure = null;
                    _handshakeFailed = false;
                    break;
                case LibZmq.EventMonitorStopped:
                    observer?.Stopped();
                    return false;
            }
        }
        return true;
    }
}
