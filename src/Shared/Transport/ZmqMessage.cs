namespace Distlog.Transport;

/// <summary>
/// A reusable native <c>zmq_msg_t</c> for <see cref="ZmqSocket.TryReceive"/>: each receive replaces the content
/// of the previous one, and <see cref="Data"/> reads it in place, without copying. Not thread-safe.
/// </summary>
sealed unsafe class ZmqMessage : IDisposable
{
    readonly ZmqMessageHandle _handle;
    byte* _data;
    int _size;
    bool _more;

    /// <summary>Creates an empty message.</summary>
    /// <exception cref="DllNotFoundException">libzmq is not installed.</exception>
    public ZmqMessage()
    {
        LibZmqLoader.EnsureLoaded();
        _handle = ZmqMessageHandle.Create();
    }

    /// <summary>The frame last received, valid until the next receive into this message or <see cref="Dispose"/>.</summary>
    public ReadOnlySpan<byte> Data
    {
        get
        {
            ObjectDisposedException.ThrowIf(_handle.IsClosed, this);
            return new ReadOnlySpan<byte>(_data, _size);
        }
    }

    /// <summary>True when more frames of the same message follow the frame last received.</summary>
    public bool More
    {
        get
        {
            ObjectDisposedException.ThrowIf(_handle.IsClosed, this);
            return _more;
        }
    }

    internal ZmqMessageHandle Handle => _handle;

    /// <summary>Releases the native message (<c>zmq_msg_close</c>); idempotent.</summary>
    public void Dispose() => _handle.Dispose();

    /// <summary>Reads the frame's location and flags after a successful <c>zmq_msg_recv</c>.</summary>
    internal void OnReceived(int size)
    {
        _data = (byte*)LibZmq.zmq_msg_data(_handle);
        _size = size;
        _more = LibZmq.zmq_msg_more(_handle) != 0;
    }
}
