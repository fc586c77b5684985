using System.Runtime.InteropServices;

namespace Distlog.Transport;

/// <summary>
/// Owns a <c>void*</c> from <c>zmq_socket</c> and one reference on its <see cref="ZmqContextHandle"/>.
/// Releasing it sets <c>ZMQ_LINGER</c> to <see cref="LingerMilliseconds"/>, closes the socket, then lets the context go.
/// </summary>
sealed class ZmqSocketHandle : SafeHandle
{
    readonly ZmqContextHandle _context;

    /// <summary>Takes ownership of <paramref name="socket"/> and of a reference the caller already added on <paramref name="context"/>.</summary>
    public ZmqSocketHandle(nint socket, ZmqContextHandle context)
        : base(0, ownsHandle: true)
    {
        SetHandle(socket);
        _context = context;
    }

    /// <summary>The linger applied just before <c>zmq_close</c>; never -1, so that context termination cannot hang.</summary>
    public int LingerMilliseconds { get; set; }

    /// <inheritdoc />
    public override bool IsInvalid => handle == 0;

    /// <inheritdoc />
    protected override unsafe bool ReleaseHandle()
    {
        int linger = LingerMilliseconds;
        LibZmq.zmq_setsockopt_raw(handle, LibZmq.Linger, &linger, sizeof(int));
        bool closed = LibZmq.zmq_close(handle) == 0;
        _context.DangerousRelease();
        return closed;
    }
}
