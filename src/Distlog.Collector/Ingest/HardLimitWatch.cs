using Distlog.Collector.Configuration;
using Distlog.Collector.Security;

namespace Distlog.Collector.Ingest;

/// <summary>
/// Counts the messages libzmq refuses by itself: one over the ingest socket's hard limit (<c>ZMQ_MAXMSGSIZE</c>) makes
/// libzmq read its size, close the connection and report only "disconnected", as for a peer that left. So each
/// accepted connection's descriptor is duplicated: the duplicate keeps the connection open when libzmq closes its own,
/// and then shows who ended it. A peer that closes sends FIN after its last message, and libzmq reads up to it; a peer
/// that resets leaves the connection closed (<c>ECONNRESET</c>); a failed handshake is reported just before (and counted
/// by CURVE where it applies). What is left is libzmq ending a connection whose peer had not ended it, or stopping before
/// the end of the stream: a message too large (or a frame libzmq could not decode, which only a broken or hostile peer
/// sends). The duplicate is closed then, which resets a connection that still holds bytes, as libzmq's close would
/// have. Linux only; runs on the ZAP thread.
/// </summary>
sealed class HardLimitWatch(RejectionReporter rejections, long hardLimit) : IConnectionObserver
{
    // What libzmq sends before the handshake's commands (ZMTP 3). A peer refused before it has more is no ZeroMQ peer:
    // with ZAP on, libzmq ends a connection that does not begin with a ZMTP 3 greeting (an HTTP request, a port
    // scanner's probe) without reporting a failed handshake.
    const int GreetingBytes = 64;

    readonly Dictionary<int, Connection> _open = [];
    // Disconnected, but libzmq had not yet closed the descriptor when this thread looked.
    readonly Dictionary<int, Connection> _closing = [];
    volatile int[] _ports = [];
    int _lookedAt;

    /// <summary>Connections looked at and let go after their disconnect (for tests; read on any thread).</summary>
    public int LookedAt => Volatile.Read(ref _lookedAt);

    /// <summary>The TCP ports of the ingest endpoints bound so far; connections to other ports are let be.</summary>
    public void Listen(IEnumerable<string> endpoints) => _ports = [.. endpoints.Select(BindEndpoint.Port).Where(port => port > 0)];

    public void Accepted(int fd)
    {
        // The descriptor may already be closed, or name a newer connection: libzmq reuses a number only once it has
        // closed it, after the disconnect of the connection before.
        var duplicate = TcpDescriptor.Duplicate(fd);
        var identity = duplicate < 0 ? null : TcpDescriptor.Identity(duplicate);
        if (_closing.Remove(fd, out var earlier))
        {
            // The same socket as this new connection's: the earlier one was duplicated too late, from this one.
            if (identity is not null && identity == earlier.Identity)
                TcpDescriptor.Close(earlier.Duplicate);
            else
                Inspect(earlier);
        }
        if (duplicate < 0)
            return;
        if (identity is null || Array.IndexOf(_ports, LocalPort(duplicate)) < 0)
        {
            TcpDescriptor.Close(duplicate);
            return;
        }
        if (_open.Remove(fd, out var stale))
            TcpDescriptor.Close(stale.Duplicate);
        _open[fd] = new Connection(duplicate, identity);
    }

    public void Disconnected(int fd, bool handshakeFailed)
    {
        if (!_open.Remove(fd, out var connection))
            return;
        if (handshakeFailed)
            Release(connection.Duplicate);
        else if (TcpDescriptor.Identity(fd) == connection.Identity)
            // libzmq reports the disconnect just before it closes; or the duplicate was taken from a newer connection,
            // which its accept event, next, will tell.
            _closing[fd] = connection;
        else
            Inspect(connection);
    }

    public void Tick()
    {
        foreach (var (fd, connection) in _closing)
        {
            if (TcpDescriptor.Identity(fd) != connection.Identity)
            {
                _closing.Remove(fd);
                Inspect(connection);
            }
        }
    }

    public void Stopped()
    {
        foreach (var connection in _open.Values)
            TcpDescriptor.Close(connection.Duplicate);
        foreach (var connection in _closing.Values)
            TcpDescriptor.Close(connection.Duplicate);
        _open.Clear();
        _closing.Clear();
    }

    /// <summary>Counts the connection where libzmq let go of a peer still sending, and closes the duplicate.</summary>
    void Inspect(Connection connection)
    {
        var fd = connection.Duplicate;
        // The rest of a large message may still be on its way (libzmq reads 8 KiB at a time): an open connection counts
        // whether or not bytes are waiting.
        if (TcpDescriptor.TryGetInfo(fd, out var state, out var bytesAcked) && (bytesAcked < 0 || bytesAcked > GreetingBytes)
            && (state == TcpDescriptor.Established || state == TcpDescriptor.CloseWait && TcpDescriptor.HasUnreadBytes(fd)))
        {
            rejections.Counters.CountMessage();
            rejections.Reject(RejectReason.TooLarge,
                $"a message from {PeerAddress.Of(fd)} over the hard limit of {hardLimit} bytes (ZMQ_MAXMSGSIZE); libzmq closed the connection");
        }
        Release(fd);
    }

    static int LocalPort(int fd) => PeerSocket.TryDescribe(fd, out _, out var port) ? port : 0;

    void Release(int duplicate)
    {
        TcpDescriptor.Close(duplicate);
        Interlocked.Increment(ref _lookedAt);
    }

    readonly record struct Connection(int Duplicate, string Identity);
}
