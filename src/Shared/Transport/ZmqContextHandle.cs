using System.Runtime.InteropServices;

namespace Distlog.Transport;

/// <summary>
/// Owns a <c>void*</c> from <c>zmq_ctx_new</c>. Each <see cref="ZmqSocketHandle"/> holds a reference on it, so
/// <c>zmq_ctx_term</c> runs only after the last socket is closed (even when finalizers run in any order) and
/// therefore waits at most for the longest linger of those sockets, never forever.
/// </summary>
sealed class ZmqContextHandle : SafeHandle
{
    /// <summary>Takes ownership of <paramref name="context"/>.</summary>
    public ZmqContextHandle(nint context)
        : base(0, ownsHandle: true)
    {
        SetHandle(context);
    }

    /// <inheritdoc />
    public override bool IsInvalid => handle == 0;

    /// <inheritdoc />
    protected override bool ReleaseHandle()
    {
        // zmq_ctx_term may be interrupted by a signal; the documented answer is to call it again.
        while (LibZmq.zmq_ctx_term(handle) != 0)
        {
            if (LibZmq.LastError() != ZmqError.Interrupted)
            {
                return false;
            }
        }

        return true;
    }
}
