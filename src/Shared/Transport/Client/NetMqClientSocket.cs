using NetMQ;
using NetMQ.Sockets;

namespace Distlog.Transport;

/// <summary>
/// An <see cref="IClientSocket"/> on a NetMQ socket. Each frame sent is copied into a message of its own, since NetMQ
/// sends from it later, on its I/O thread; a frame received is read in place.
/// </summary>
sealed class NetMqClientSocket : IClientSocket
{
    readonly NetMQSocket _socket;
    readonly ZmqSocketType _type;
    TimeSpan _sendTimeout = Timeout.InfiniteTimeSpan;
    Msg _received;
    int _disposed;

    public NetMqClientSocket(ZmqSocketType type)
    {
        _type = type;
        _socket = type switch
        {
            ZmqSocketType.Push => new PushSocket(),
            ZmqSocketType.Dealer => new DealerSocket(),
            ZmqSocketType.Sub => new SubscriberSocket(),
            _ => throw new ArgumentOutOfRangeException(nameof(type), type, "A client socket is a PUSH, a DEALER or a SUB."),
        };
        // As libzmq's sockets here: closing discards unsent messages unless told otherwise.
        _socket.Options.Linger = TimeSpan.Zero;
        _received.InitEmpty();
    }

    public bool Immediate { set => _socket.Options.DelayAttachOnConnect = value; }

    public int SendHighWatermark { set => _socket.Options.SendHighWatermark = value; }

    public TimeSpan SendTimeout { set => _sendTimeout = value; }

    public TimeSpan ReconnectInterval { set => _socket.Options.ReconnectInterval = value; }

    public TimeSpan ReconnectIntervalMax { set => _socket.Options.ReconnectIntervalMax = value; }

    public TimeSpan Linger { set => _socket.Options.Linger = value; }

    public void SetRoutingId(ReadOnlySpan<byte> id) => _socket.Options.Identity = id.ToArray();

    public void SetCurveKeys(string serverKey, string publicKey, string secretKey)
    {
        _socket.Options.CurveServerKey = NetMQCertificate.FromPublicKey(serverKey).PublicKey;
        _socket.Options.CurveCertificate = new NetMQCertificate(secretKey, publicKey);
    }

    public void Connect(string endpoint)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(endpoint);
        // NetMQ's ipc:// is TCP on loopback, which a libzmq peer bound to a Unix socket never hears.
        if (!endpoint.StartsWith("tcp://", StringComparison.OrdinalIgnoreCase))
            throw new ZmqException(ZmqError.ProtocolNotSupported,
                $"Cannot connect to {endpoint}: NetMQ, used where libzmq is not installed, speaks tcp:// only (e.g. tcp://127.0.0.1:5010); install libzmq for ipc://.");
        try
        {
            _socket.Connect(endpoint);
        }
        catch (NetMQException ex)
        {
            throw new ZmqException(ZmqError.InvalidArgument, $"Cannot connect to {endpoint}: {ex.Message} (an endpoint looks like tcp://127.0.0.1:5010).");
        }
    }

    public void Subscribe(ReadOnlySpan<byte> prefix) => ((SubscriberSocket)_socket).Subscribe(prefix.ToArray());

    public bool TrySend(ReadOnlySpan<byte> frame, bool more = false)
    {
        var message = new Msg();
        message.InitPool(frame.Length);
        frame.CopyTo(message.Slice());
        try
        {
            return _socket.TrySend(ref message, _sendTimeout, more);
        }
        catch (NetMQException ex) when (ex is not TerminatingException)
        {
            throw new ZmqException(ZmqError.InvalidArgument, $"Cannot send: {ex.Message}");
        }
        finally
        {
            message.Close();
        }
    }

    public bool TryReceive(out ReadOnlySpan<byte> frame, out bool more)
    {
        // The previous frame's buffer goes back to NetMQ's pool before the next one is taken.
        _received.Close();
        _received.InitEmpty();
        if (!_socket.TryReceive(ref _received, TimeSpan.Zero))
        {
            frame = default;
            more = false;
            return false;
        }
        frame = _received.Slice();
        more = _received.HasMore;
        return true;
    }

    public bool WaitForMessage(TimeSpan timeout) => _socket.Poll(PollEvents.PollIn, timeout).HasIn();

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
            return;
        _received.Close();
        _socket.Dispose();
    }

    public override string ToString() => $"NetMQ {_type} socket";
}
