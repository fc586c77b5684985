namespace Distlog.Transport;

/// <summary>
/// A libzmq socket. NOT thread-safe: one thread owns it (create it anywhere, then use it only there);
/// <see cref="Dispose"/> is idempotent, and a disposed socket throws <see cref="ObjectDisposedException"/>.
/// The send and <see cref="TryReceive"/> paths allocate nothing.
/// </summary>
sealed unsafe partial class ZmqSocket : IDisposable
{
    const string EndpointHint = "an endpoint looks like tcp://127.0.0.1:5010, tcp://*:5010, ipc:///tmp/distlog or inproc://name";

    readonly ZmqSocketHandle _handle;

    internal ZmqSocket(ZmqSocketHandle handle, ZmqSocketType type)
    {
        _handle = handle;
        SocketType = type;
        Linger = DefaultLinger;
    }

    /// <summary>The type this socket was created with.</summary>
    public ZmqSocketType SocketType { get; }

    internal ZmqSocketHandle Handle => _handle;

    /// <summary>Connects to <paramref name="endpoint"/>; libzmq connects in the background and reconnects after failures.</summary>
    /// <exception cref="ZmqException">The endpoint is malformed or its transport unknown.</exception>
    public void Connect(string endpoint)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(endpoint);
        ThrowIfDisposed();
        if (LibZmq.zmq_connect(_handle, endpoint) != 0)
        {
            throw EndpointFailure(LibZmq.LastError(), "connect to", endpoint);
        }
    }

    /// <summary>Sends one frame; <paramref name="more"/> says another frame of the same message follows.</summary>
    /// <returns>False when the frame was not queued: <paramref name="dontWait"/> and the queue is full (or has no peer),
    /// or <see cref="SendTimeout"/> expired.</returns>
    public bool TrySend(ReadOnlySpan<byte> frame, bool more = false, bool dontWait = false)
    {
        ThrowIfDisposed();
        int flags = (more ? LibZmq.SendMore : 0) | (dontWait ? LibZmq.SendDontWait : 0);
        fixed (byte* data = frame)
        {
            while (LibZmq.zmq_send(_handle, data, (nuint)frame.Length, flags) < 0)
            {
                int error = LibZmq.LastError();
                if (error == ZmqError.Again)
                {
                    return false;
                }

                if (error != ZmqError.Interrupted)
                {
                    throw Failure(error, "Cannot send");
                }
            }
        }

        return true;
    }

    /// <summary>Sends one frame, waiting for room up to <see cref="SendTimeout"/>.</summary>
    /// <exception cref="ZmqException">The send timed out or failed.</exception>
    public void Send(ReadOnlySpan<byte> frame, bool more = false)
    {
        if (!TrySend(frame, more))
        {
            throw new ZmqException(ZmqError.Again, $"Cannot send: no room within the send timeout ({SendTimeout}).");
        }
    }

    /// <summary>Receives the next frame into <paramref name="message"/>, replacing what it held.</summary>
    /// <returns>False when nothing arrived: <paramref name="dontWait"/> and no frame is queued, or <see cref="ReceiveTimeout"/> expired.</returns>
    public bool TryReceive(ZmqMessage message, bool dontWait = false)
    {
        ArgumentNullException.ThrowIfNull(message);
        ThrowIfDisposed();
        int flags = dontWait ? LibZmq.SendDontWait : 0;
        int size;
        while ((size = LibZmq.zmq_msg_recv(message.Handle, _handle, flags)) < 0)
        {
            int error = LibZmq.LastError();
            if (error == ZmqError.Again)
            {
                return false;
            }

            if (error != ZmqError.Interrupted)
            {
                throw Failure(error, "Cannot receive");
            }
        }

        message.OnReceived(size);
        return true;
    }

    /// <summary>Waits up to <paramref name="timeout"/> for a message and returns copies of all its frames; null on timeout.
    /// A convenience for tests and the CLI: it allocates.</summary>
    public byte[][]? ReceiveMultipart(TimeSpan timeout)
    {
        ThrowIfDisposed();
        ReadOnlySpan<ZmqSocket> sockets = [this];
        Span<bool> readable = [false];
        using var message = new ZmqMessage();
        if (ZmqPoller.Poll(sockets, readable, timeout) == 0 || !TryReceive(message, dontWait: true))
        {
            return null;
        }

        var frames = new List<byte[]> { message.Data.ToArray() };
        while (message.More)
        {
            // libzmq delivers the frames of a message together: the rest are already here.
            if (!TryReceive(message, dontWait: true))
            {
                throw new ZmqException(ZmqError.Again, "Cannot receive: a multipart message ended early.");
            }

            frames.Add(message.Data.ToArray());
        }

        return [.. frames];
    }

    /// <summary>Closes the socket after applying <see cref="Linger"/>; idempotent.</summary>
    public void Dispose() => _handle.Dispose();

    internal void ThrowIfDisposed() => ObjectDisposedException.ThrowIf(_handle.IsClosed, this);

    internal Exception Failure(int error, string action) =>
        error == ZmqError.Terminated
            ? new ObjectDisposedException(nameof(ZmqSocket), $"{action}: the socket's ZmqContext was disposed.")
            : ZmqException.FromError(error, action);

    internal Exception EndpointFailure(int error, string verb, string endpoint)
    {
        if (error is ZmqError.InvalidArgument or ZmqError.ProtocolNotSupported)
        {
            return new ZmqException(error, $"Cannot {verb} {endpoint}: {LibZmq.Describe(error)} ({EndpointHint}).");
        }

        return Failure(error, $"Cannot {verb} {endpoint}");
    }
}
