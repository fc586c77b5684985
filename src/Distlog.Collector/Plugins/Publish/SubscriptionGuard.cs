using System.Globalization;
using System.Text;
using Distlog.Collector.Diagnostics;
using Distlog.Collector.Security;
using Serilog;

namespace Distlog.Collector.Plugins.Publish;

/// <summary>
/// Bounds what subscribers can make the publish socket hold. libzmq keeps every subscription of every connection in a
/// trie (some 50 bytes per prefix byte) and has no limit of its own, so the guard sees every (un)subscription
/// (<c>ZMQ_XPUB_VERBOSER</c>), keeps the prefixes of each connection, and ends a connection (<see cref="PeerSocket"/>) whose
/// subscription would pass a bound: <see cref="MaxPerPeer"/> prefixes or <see cref="MaxBytesPerPeer"/> bytes for one
/// peer address (all its connections together), or <see cref="MaxTotal"/> / <see cref="MaxTotalBytes"/> for all peers.
/// libzmq then forgets that connection's subscriptions. A prefix is at most <see cref="MaxPrefixBytes"/> long: libzmq
/// drops the connection of a longer one itself (<c>ZMQ_MAXMSGSIZE</c>). A peer one of whose connections passes a bound
/// loses all its connections and is barred from connecting again for a while (<see cref="PeerBarrier"/>). Used under
/// the publish sink's lock only.
/// </summary>
sealed class SubscriptionGuard(int localPort, PeerBarrier barrier, ILogger? log)
{
    /// <summary>The longest prefix; a topic is <c>PLC/Information/</c> and an application name.</summary>
    public const int MaxPrefixBytes = 256;

    public const int MaxPerPeer = 256;
    public const int MaxBytesPerPeer = 16 * 1024;
    public const int MaxTotal = 16 * 1024;
    public const int MaxTotalBytes = 1024 * 1024;

    static readonly TimeSpan ReportWindow = TimeSpan.FromSeconds(10);

    readonly Dictionary<int, Connection> _connections = [];
    readonly Dictionary<string, Usage> _peers = new(StringComparer.Ordinal);
    Usage _total;
    readonly WarningWindow _warnings = new(ReportWindow);

    /// <summary>True while at least one connection subscribes to something.</summary>
    public bool HasSubscribers => _total.Count > 0;

    /// <summary>Subscriptions held now, all connections together.</summary>
    public int Count => _total.Count;

    /// <summary>Connections ended for passing a bound, since the start.</summary>
    public long Disconnected { get; private set; }

    /// <summary>
    /// Takes in one frame read from the XPUB socket: <c>1</c> or <c>0</c> then the prefix, and the <c>__fd</c> metadata
    /// libzmq attaches to it. Frames without it (the unsubscriptions libzmq makes itself when a peer leaves) are left to
    /// <see cref="Sweep"/>.
    /// </summary>
    public void Observe(ReadOnlySpan<byte> frame, string? fdText)
    {
        if (frame.IsEmpty || frame[0] > 1 || fdText is null || !int.TryParse(fdText, NumberStyles.None, CultureInfo.InvariantCulture, out var fd))
            return;
        if (!PeerSocket.TryDescribe(fd, out var remote, out var port) || port != localPort)
            return; // gone already: libzmq forgets its subscriptions

        if (!_connections.TryGetValue(fd, out var connection) || connection.Remote != remote)
        {
            if (connection is not null)
                Forget(fd, connection);
            connection = new Connection(remote);
            _connections[fd] = connection;
        }
        if (connection.Ended)
            return;

        var prefix = Encoding.Latin1.GetString(frame[1..]);
        if (frame[0] == 0)
        {
            if (connection.Prefixes.Remove(prefix))
                Tally(connection.Peer, -1, -prefix.Length);
            return;
        }
        if (connection.Prefixes.Contains(prefix))
            return;
        if (barrier.IsBarred(connection.Peer, out var left))
        {
            // Connected before its address was barred, and not seen subscribing until now.
            End(fd, connection, "a subscription from an address barred a moment ago", left);
            return;
        }

        var peer = _peers.GetValueOrDefault(connection.Peer);
        var over = peer.Count >= MaxPerPeer ? $"{MaxPerPeer} subscriptions per peer"
            : peer.Bytes + prefix.Length > MaxBytesPerPeer ? $"{MaxBytesPerPeer} bytes of prefixes per peer"
            : _total.Count >= MaxTotal ? $"{MaxTotal} subscriptions in all"
            : _total.Bytes + prefix.Length > MaxTotalBytes ? $"{MaxTotalBytes} bytes of prefixes in all"
            : null;
        if (over is null)
        {
            connection.Prefixes.Add(prefix);
            Tally(connection.Peer, 1, prefix.Length);
            return;
        }
        var barred = barrier.Impose(connection.Peer);
        End(fd, connection, over, barred);
        EndPeer(connection.Peer, over, barred);
    }

    /// <summary>
    /// Ends every other connection of <paramref name="peer"/> to the publish port, seen subscribing or not yet: under a
    /// flood over many connections, libzmq takes in their subscriptions faster than they are read here, and waiting to
    /// see each one subscribe would let them all fill its trie.
    /// </summary>
    void EndPeer(string peer, string bound, TimeSpan barred)
    {
        foreach (var fd in OpenDescriptors())
        {
            if (!PeerSocket.TryDescribe(fd, out var remote, out var port) || port != localPort)
                continue;
            if (!_connections.TryGetValue(fd, out var connection) || connection.Remote != remote)
            {
                if (connection is not null)
                    Forget(fd, connection);
                connection = new Connection(remote);
                if (connection.Peer != peer)
                    continue;
                _connections[fd] = connection;
            }
            if (connection.Peer == peer && !connection.Ended)
                End(fd, connection, bound, barred);
        }
    }

    /// <summary>The process's open file descriptors (Linux: <c>/proc/self/fd</c>); none where that cannot be listed.</summary>
    static IEnumerable<int> OpenDescriptors()
    {
        string[] entries;
        try
        {
            entries = Directory.GetFileSystemEntries("/proc/self/fd");
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return [];
        }
        return entries.Select(e => int.TryParse(Path.GetFileName(e), NumberStyles.None, CultureInfo.InvariantCulture, out var fd) ? fd : -1).Where(fd => fd >= 0);
    }

    /// <summary>Forgets connections that are gone (the peer left, or was ended); call now and then.</summary>
    public void Sweep()
    {
        List<int>? gone = null;
        foreach (var (fd, connection) in _connections)
        {
            if (!PeerSocket.TryDescribe(fd, out var remote, out var port) || port != localPort || remote != connection.Remote)
                (gone ??= []).Add(fd);
        }
        foreach (var fd in gone ?? [])
            Forget(fd, _connections[fd]);
    }

    void End(int fd, Connection connection, string bound, TimeSpan barred)
    {
        PeerSocket.Shutdown(fd);
        Disconnected++;
        foreach (var prefix in connection.Prefixes)
            Tally(connection.Peer, -1, -prefix.Length);
        connection.Prefixes.Clear();
        connection.Ended = true;

        if (!_warnings.TryWarn(out var unreported))
            return;
        log?.Warning("Publish: disconnected subscriber {Remote}: a subscription past the bound of {Bound:l}; its address is refused for {Seconds} s ({Unreported} more since the last warning; {Disconnected} in all)",
            connection.Remote, bound, (int)Math.Ceiling(barred.TotalSeconds), unreported, Disconnected);
    }

    void Forget(int fd, Connection connection)
    {
        foreach (var prefix in connection.Prefixes)
            Tally(connection.Peer, -1, -prefix.Length);
        _connections.Remove(fd);
    }

    void Tally(string peer, int count, long bytes)
    {
        var usage = _peers.GetValueOrDefault(peer);
        usage = new Usage(usage.Count + count, usage.Bytes + bytes);
        if (usage.Count == 0)
            _peers.Remove(peer);
        else
            _peers[peer] = usage;
        _total = new Usage(_total.Count + count, _total.Bytes + bytes);
    }

    readonly record struct Usage(int Count, long Bytes);

    sealed class Connection(string remote)
    {
        public string Remote { get; } = remote;

        /// <summary>The peer's address without the port: what the per-peer bounds count by.</summary>
        public string Peer { get; } = remote.LastIndexOf(':') is var colon and > 0 ? remote[..colon] : remote;

        public HashSet<string> Prefixes { get; } = new(StringComparer.Ordinal);

        public bool Ended { get; set; }
    }
}
