namespace Distlog.Transport;

/// <summary>
/// A libzmq context: the I/O thread that moves the bytes of its sockets. Thread-safe.
/// </summary>
/// <remarks>
/// Termination rule: <see cref="Dispose"/> interrupts blocking calls on this context's open sockets (they throw
/// <see cref="ObjectDisposedException"/>) and returns at once; the native context terminates when its last socket
/// is closed, waiting at most for that socket's (always finite) <see cref="ZmqSocket.Linger"/>.
/// Dispose sockets first when their queued messages should still go out.
/// </remarks>
sealed class ZmqContext : IDisposable
{
    static readonly Lock SharedGate = new();
    static ZmqContext? _shared;

    readonly ZmqContextHandle _handle;
    readonly bool _isShared;
    int _disposed;

    /// <summary>Creates a context with one I/O thread.</summary>
    /// <exception cref="DllNotFoundException">libzmq is not installed; the message names the package.</exception>
    public ZmqContext()
        : this(isShared: false)
    {
    }

    ZmqContext(bool isShared)
    {
        LibZmqLoader.EnsureLoaded();
        nint context = LibZmq.zmq_ctx_new();
        if (context == 0)
        {
            throw ZmqException.FromError(LibZmq.LastError(), "Cannot create a ZeroMQ context");
        }

        _handle = new ZmqContextHandle(context);
        _isShared = isShared;
    }

    /// <summary>The process-wide context, created on first use; its <see cref="Dispose"/> does nothing.</summary>
    public static ZmqContext Shared
    {
        get
        {
            if (Volatile.Read(ref _shared) is { } shared)
            {
                return shared;
            }

            lock (SharedGate)
            {
                return _shared ??= new ZmqContext(isShared: true);
            }
        }
    }

    /// <summary>The version of the loaded libzmq, e.g. 4.3.4.</summary>
    public static unsafe Version LibraryVersion
    {
        get
        {
            LibZmqLoader.EnsureLoaded();
            int major, minor, patch;
            LibZmq.zmq_version(&major, &minor, &patch);
            return new Version(major, minor, patch);
        }
    }

    /// <summary>Creates a socket of this context, with <see cref="ZmqSocket.DefaultLinger"/>.</summary>
    /// <exception cref="ObjectDisposedException">The context was disposed.</exception>
    /// <exception cref="ZmqException">libzmq refused, e.g. too many sockets.</exception>
    public ZmqSocket CreateSocket(ZmqSocketType type)
    {
        // The reference taken here passes to the socket handle, so the context cannot terminate in between.
        bool added = false;
        try
        {
            _handle.DangerousAddRef(ref added);
        }
        catch (ObjectDisposedException)
        {
            throw new ObjectDisposedException(nameof(ZmqContext));
        }

        try
        {
            nint socket = LibZmq.zmq_socket(_handle.DangerousGetHandle(), (int)type);
            if (socket == 0)
            {
                int error = LibZmq.LastError();
                throw error == ZmqError.Terminated
                    ? new ObjectDisposedException(nameof(ZmqContext))
                    : ZmqException.FromError(error, $"Cannot create a {type} socket");
            }

            var handle = new ZmqSocketHandle(socket, _handle);
            added = false;
            return new ZmqSocket(handle, type);
        }
        finally
        {
            if (added)
            {
                _handle.DangerousRelease();
            }
        }
    }

    /// <summary>Shuts the context down as described on the type; idempotent; does nothing on <see cref="Shared"/>.</summary>
    public void Dispose()
    {
        if (_isShared || Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        LibZmq.zmq_ctx_shutdown(_handle.DangerousGetHandle());
        _handle.Dispose();
    }
}
