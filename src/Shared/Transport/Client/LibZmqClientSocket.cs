namespace Distlog.Transport;

/// <summary>An <see cref="IClientSocket"/> on a <see cref="ZmqSocket"/>; sends and receives allocate nothing.</summary>
sealed class LibZmqClientSocket(ZmqSocket socket) : IClientSocket
{
    ZmqMessage? _received;

    public bool Immediate { set => socket.Immediate = value; }

    public int SendHighWatermark { set => socket.SendHighWatermark = value; }

    public TimeSpan SendTimeout { set => socket.SendTimeout = value; }

    public TimeSpan ReconnectInterval { set => socket.ReconnectInterval = value; }

    public TimeSpan ReconnectIntervalMax { set => socket.ReconnectIntervalMax = value; }

    public TimeSpan Linger { set => socket.Linger = value; }

    /// <summary>The libzmq socket, for what only libzmq does.</summary>
    public ZmqSocket Socket => socket;

    public void SetRoutingId(ReadOnlySpan<byte> id) => socket.SetRoutingId(id);

    public void SetCurveKeys(string serverKey, string publicKey, string secretKey) => socket.SetCurveKeys(serverKey, publicKey, secretKey);

    public void Connect(string endpoint) => socket.Connect(endpoint);

    public void Subscribe(ReadOnlySpan<byte> prefix) => socket.Subscribe(prefix);

    public bool TrySend(ReadOnlySpan<byte> frame, bool more = false) => socket.TrySend(frame, more);

    public bool TryReceive(out ReadOnlySpan<byte> frame, out bool more)
    {
        _received ??= new ZmqMessage();
        if (!socket.TryReceive(_received, dontWait: true))
        {
            frame = default;
            more = false;
            return false;
        }
        frame = _received.Data;
        more = _received.More;
        return true;
    }

    public bool WaitForMessage(TimeSpan timeout)
    {
        ReadOnlySpan<ZmqSocket> sockets = [socket];
        Span<bool> readable = [false];
        return ZmqPoller.Poll(sockets, readable, timeout) > 0;
    }

    public void Dispose()
    {
        socket.Dispose();
        _received?.Dispose();
    }
}
