namespace Distlog.Transport;

/// <summary>
/// A ZeroMQ socket that connects (PUSH, DEALER or SUB), as the sink and the CLI use one, on libzmq or NetMQ. NOT
/// thread-safe: one thread owns it. Set the options before <see cref="Connect"/>; <c>Dispose</c> is idempotent.
/// </summary>
interface IClientSocket : IDisposable
{
    /// <summary>Queue messages only to completed connections (<c>ZMQ_IMMEDIATE</c>).</summary>
    bool Immediate { set; }

    /// <summary>Outbound queue bound in messages (<c>ZMQ_SNDHWM</c>).</summary>
    int SendHighWatermark { set; }

    /// <summary>How long <see cref="TrySend"/> waits for room (<c>ZMQ_SNDTIMEO</c>); infinite by default.</summary>
    TimeSpan SendTimeout { set; }

    /// <summary>First reconnect delay after a lost connection.</summary>
    TimeSpan ReconnectInterval { set; }

    /// <summary>Upper bound of the doubling reconnect delay.</summary>
    TimeSpan ReconnectIntervalMax { set; }

    /// <summary>How long unsent messages are kept after <c>Dispose</c>; finite. Zero by default.</summary>
    TimeSpan Linger { set; }

    /// <summary>The identity a ROUTER peer knows this socket by (1-255 bytes, not starting with 0).</summary>
    void SetRoutingId(ReadOnlySpan<byte> id);

    /// <summary>Makes this socket a CURVE client of the server with <paramref name="serverKey"/>; keys in Z85.</summary>
    void SetCurveKeys(string serverKey, string publicKey, string secretKey);

    /// <summary>Connects in the background, reconnecting after failures.</summary>
    /// <exception cref="ZmqException">The endpoint is malformed or its transport unknown.</exception>
    void Connect(string endpoint);

    /// <summary>On a SUB socket, receives the messages whose first frame starts with <paramref name="prefix"/>.</summary>
    void Subscribe(ReadOnlySpan<byte> prefix);

    /// <summary>Sends one frame, waiting for room up to <see cref="SendTimeout"/>; <paramref name="more"/> says another
    /// frame of the same message follows, and once a message's first frame is taken, the others are taken at once.</summary>
    /// <returns>False when no room came in time (no connected peer, or the peer is slow).</returns>
    /// <exception cref="ZmqException">The send failed for another reason.</exception>
    bool TrySend(ReadOnlySpan<byte> frame, bool more = false);

    /// <summary>Receives the next frame without waiting; it stays valid until the next receive or <c>Dispose</c>.</summary>
    /// <returns>False when no frame is queued.</returns>
    bool TryReceive(out ReadOnlySpan<byte> frame, out bool more);

    /// <summary>Waits up to <paramref name="timeout"/> until a message can be received.</summary>
    bool WaitForMessage(TimeSpan timeout);
}
