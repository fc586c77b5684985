namespace Distlog.Collector.Security;

/// <summary>
/// Told of a watched socket's connections (<c>ZapHandler.Watch</c>), in the order libzmq reports them. Each
/// connection is named by the file descriptor libzmq gives it, which libzmq may reuse for another connection once it
/// has closed it. Called on the ZAP thread only.
/// </summary>
interface IConnectionObserver
{
    /// <summary>libzmq accepted a connection; by now it may already have closed it again.</summary>
    void Accepted(int fd);

    /// <summary>
    /// libzmq ends a connection (its descriptor is closed right after). <paramref name="handshakeFailed"/>: the
    /// handshake failed just before (no CURVE, the wrong key, a key ZAP refused, a broken or timed-out handshake).
    /// </summary>
    void Disconnected(int fd, bool handshakeFailed);

    /// <summary>Called on every turn of the ZAP thread, at least every 100 ms.</summary>
    void Tick();

    /// <summary>The watched socket is closed: no more events come.</summary>
    void Stopped();
}
