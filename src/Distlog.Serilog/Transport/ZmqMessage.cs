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

    /// <summary>
    /// A property of the connection the frame last received came over (<c>zmq_msg_gets</c>): <c>"User-Id\0"u8</c> (set
    /// by a ZAP handler), <c>"Peer-Address\0"u8</c>, or metadata a ZAP handler returned. <paramref name="name"/> is
    /// UTF-8 ending in a zero byte. Empty where the connection has no such property. Read in place, without copying:
    /// valid until the next receive into this message.
    /// </summary>
    public ReadOnlySpan<byte> Property(ReadOnlySpan<byte> name)
    {
        ObjectDisposedException.ThrowIf(_handle.IsClosed, this);
        if (name.IsEmpty || name[^1] != 0)
        {
            throw new ArgumentException("A property name ends in a zero byte, e.g. \"User-Id\\0\"u8.", nameof(name));
        }

        byte* value;
        fixed (byte* property = name)
        {
            value = LibZmq.zmq_msg_gets(_handle, property);
        }

        return value == null ? [] : System.Runtime.InteropServices.MemoryMarshal.CreateReadOnlySpanFromNullTerminated(value);
    }

    /// <summary>
    /// A metadata property of the frame last received (<c>zmq_msg_gets</c>): <c>Peer-Address</c>, <c>Socket-Type</c>,
    /// ZAP properties; null where the frame has none (e.g. one libzmq made itself). Allocates the string.
    /// </summary>
    public string? Property(string name)
    {
        var value = Property(System.Text.Encoding.UTF8.GetBytes(name + "\0"));
        return value.IsEmpty ? null : System.Text.Encoding.UTF8.GetString(value);
    }

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
