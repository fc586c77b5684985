using System.Text;

namespace Distlog.Transport;

/// <summary>Socket options (<c>zmq_setsockopt</c>/<c>zmq_getsockopt</c>); libzmq's defaults unless stated.</summary>
sealed unsafe partial class ZmqSocket
{
    /// <summary>The linger every socket starts with: zero, so that closing discards unsent messages unless told otherwise.</summary>
    public static readonly TimeSpan DefaultLinger = TimeSpan.Zero;

    const int CurveKeyLength = 40;

    /// <summary>Outbound queue bound in messages (<c>ZMQ_SNDHWM</c>, default 1000; 0 = none). Set before connecting.</summary>
    public int SendHighWatermark
    {
        get => GetInt32(LibZmq.SendHighWatermark);
        set => SetInt32(LibZmq.SendHighWatermark, value, nameof(SendHighWatermark));
    }

    /// <summary>Inbound queue bound in messages (<c>ZMQ_RCVHWM</c>, default 1000; 0 = none). Set before binding.</summary>
    public int ReceiveHighWatermark
    {
        get => GetInt32(LibZmq.ReceiveHighWatermark);
        set => SetInt32(LibZmq.ReceiveHighWatermark, value, nameof(ReceiveHighWatermark));
    }

    /// <summary>How long unsent messages are kept after <see cref="Dispose"/> (<c>ZMQ_LINGER</c>, default
    /// <see cref="DefaultLinger"/>). Must be finite, so that terminating the context cannot hang.</summary>
    public TimeSpan Linger
    {
        get => ZmqTimeouts.FromMilliseconds(GetInt32(LibZmq.Linger));
        set
        {
            if (value == Timeout.InfiniteTimeSpan)
            {
                throw new ArgumentOutOfRangeException(nameof(value), value,
                    "Linger must be finite, or terminating the context could hang forever; use e.g. TimeSpan.FromSeconds(5).");
            }

            int milliseconds = ZmqTimeouts.ToMilliseconds(value, nameof(value));
            SetInt32(LibZmq.Linger, milliseconds, nameof(Linger));
            _handle.LingerMilliseconds = milliseconds;
        }
    }

    /// <summary>First reconnect delay after a lost connection (<c>ZMQ_RECONNECT_IVL</c>, default 100 ms).</summary>
    public TimeSpan ReconnectInterval
    {
        get => ZmqTimeouts.FromMilliseconds(GetInt32(LibZmq.ReconnectInterval));
        set => SetInt32(LibZmq.ReconnectInterval, ZmqTimeouts.ToMilliseconds(value, nameof(value)), nameof(ReconnectInterval));
    }

    /// <summary>Upper bound of the doubling reconnect delay (<c>ZMQ_RECONNECT_IVL_MAX</c>, default 0 = no doubling).</summary>
    public TimeSpan ReconnectIntervalMax
    {
        get => ZmqTimeouts.FromMilliseconds(GetInt32(LibZmq.ReconnectIntervalMax));
        set => SetInt32(LibZmq.ReconnectIntervalMax, ZmqTimeouts.ToMilliseconds(value, nameof(value)), nameof(ReconnectIntervalMax));
    }

    /// <summary>How long a blocking receive waits before <see cref="TryReceive"/> returns false (<c>ZMQ_RCVTIMEO</c>, default infinite).</summary>
    public TimeSpan ReceiveTimeout
    {
        get => ZmqTimeouts.FromMilliseconds(GetInt32(LibZmq.ReceiveTimeout));
        set => SetInt32(LibZmq.ReceiveTimeout, ZmqTimeouts.ToMilliseconds(value, nameof(value)), nameof(ReceiveTimeout));
    }

    /// <summary>How long a blocking send waits for room before <see cref="TrySend"/> returns false (<c>ZMQ_SNDTIMEO</c>, default infinite).</summary>
    public TimeSpan SendTimeout
    {
        get => ZmqTimeouts.FromMilliseconds(GetInt32(LibZmq.SendTimeout));
        set => SetInt32(LibZmq.SendTimeout, ZmqTimeouts.ToMilliseconds(value, nameof(value)), nameof(SendTimeout));
    }

    /// <summary>Queue messages only to completed connections (<c>ZMQ_IMMEDIATE</c>, default false).</summary>
    public bool Immediate
    {
        get => GetInt32(LibZmq.Immediate) != 0;
        set => SetInt32(LibZmq.Immediate, value ? 1 : 0, nameof(Immediate));
    }

    /// <summary>The endpoint last bound or connected, with the port libzmq chose for <c>*</c> (<c>ZMQ_LAST_ENDPOINT</c>).</summary>
    public string LastEndpoint
    {
        get
        {
            ThrowIfDisposed();
            Span<byte> buffer = stackalloc byte[1024];
            nuint length = (nuint)buffer.Length;
            fixed (byte* value = buffer)
            {
                Check(LibZmq.zmq_getsockopt(_handle, LibZmq.LastEndpoint, value, &length), "Cannot read ZMQ_LAST_ENDPOINT");
            }

            // The length counts the terminating zero.
            return Encoding.UTF8.GetString(buffer[..Math.Max(0, (int)length - 1)]);
        }
    }

    /// <summary>The identity a <see cref="ZmqSocketType.Router"/> peer knows this socket by (<c>ZMQ_ROUTING_ID</c>, 1-255
    /// bytes, not starting with 0). Set before connecting.</summary>
    public void SetRoutingId(ReadOnlySpan<byte> id) => SetBytes(LibZmq.RoutingId, id, "Cannot set ZMQ_ROUTING_ID");

    /// <summary>True when more frames of the message last received follow (<c>ZMQ_RCVMORE</c>).</summary>
    public bool HasMore => GetInt32(LibZmq.ReceiveMore) != 0;

    /// <summary>On a <see cref="ZmqSocketType.Sub"/> socket, receive messages whose first frame starts with <paramref name="prefix"/> (empty = all).</summary>
    public void Subscribe(ReadOnlySpan<byte> prefix) => SetBytes(LibZmq.Subscribe, prefix, "Cannot subscribe");

    /// <summary>Subscribes to the UTF-8 bytes of <paramref name="prefix"/>.</summary>
    public void Subscribe(string prefix) => Subscribe(Encoding.UTF8.GetBytes(prefix));

    /// <summary>Removes one earlier <see cref="Subscribe(ReadOnlySpan{byte})"/> of the same prefix.</summary>
    public void Unsubscribe(ReadOnlySpan<byte> prefix) => SetBytes(LibZmq.Unsubscribe, prefix, "Cannot unsubscribe");

    /// <summary>Removes one earlier subscription to the UTF-8 bytes of <paramref name="prefix"/>.</summary>
    public void Unsubscribe(string prefix) => Unsubscribe(Encoding.UTF8.GetBytes(prefix));

    /// <summary>Makes this socket a CURVE client of the server with <paramref name="serverKey"/>, using its own key pair;
    /// all keys Z85 (40 characters). Set before connecting.</summary>
    public void SetCurveKeys(string serverKey, string publicKey, string secretKey)
    {
        SetCurveKey(LibZmq.CurveServerKey, serverKey, nameof(serverKey));
        SetCurveKey(LibZmq.CurvePublicKey, publicKey, nameof(publicKey));
        SetCurveKey(LibZmq.CurveSecretKey, secretKey, nameof(secretKey));
    }

    internal void SetCurveKey(int option, string key, string parameterName)
    {
        ArgumentNullException.ThrowIfNull(key, parameterName);
        if (key.Length != CurveKeyLength || !Ascii.IsValid(key))
        {
            throw new ArgumentException("A CURVE key is 40 Z85 characters, as made by ZmqCurveKeyPair.Generate() or curve_keygen.", parameterName);
        }

        Span<byte> z85 = stackalloc byte[CurveKeyLength];
        Encoding.ASCII.GetBytes(key, z85);
        SetBytes(option, z85, "Cannot set a CURVE key");
    }

    internal int GetInt32(int option)
    {
        ThrowIfDisposed();
        int value;
        nuint length = sizeof(int);
        Check(LibZmq.zmq_getsockopt(_handle, option, &value, &length), $"Cannot read socket option {option}");
        return value;
    }

    internal long GetInt64(int option)
    {
        ThrowIfDisposed();
        long value;
        nuint length = sizeof(long);
        Check(LibZmq.zmq_getsockopt(_handle, option, &value, &length), $"Cannot read socket option {option}");
        return value;
    }

    internal void SetInt32(int option, int value, string name)
    {
        ThrowIfDisposed();
        Check(LibZmq.zmq_setsockopt(_handle, option, &value, sizeof(int)), $"Cannot set {name} to {value}");
    }

    internal void SetInt64(int option, long value, string name)
    {
        ThrowIfDisposed();
        Check(LibZmq.zmq_setsockopt(_handle, option, &value, sizeof(long)), $"Cannot set {name} to {value}");
    }

    internal void SetBytes(int option, ReadOnlySpan<byte> value, string action)
    {
        ThrowIfDisposed();
        fixed (byte* bytes = value)
        {
            Check(LibZmq.zmq_setsockopt(_handle, option, bytes, (nuint)value.Length), action);
        }
    }

    internal void Check(int result, string action)
    {
        if (result != 0)
        {
            throw Failure(LibZmq.LastError(), action);
        }
    }
}
