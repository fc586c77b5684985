using System.Collections.Concurrent;
using System.Text;
using Distlog.Transport;

namespace Distlog.Collector.Security;

/// <summary>
/// The process's ZAP handler (ZAP 1.0, RFC 27): a REP socket bound at <see cref="Endpoint"/> in
/// <see cref="ZmqContext.Shared"/>, which libzmq asks about every handshake of that context's server sockets that have a
/// ZAP domain. Each <see cref="CurveServer"/> registers a ZAP domain; a request is answered by the allow-list of its
/// domain, and a domain nobody registered (or no longer does) admits nobody. A domain may also have a
/// <see cref="PeerBarrier"/>, which refuses barred addresses first; a domain with a barrier and no CURVE admits every
/// NULL handshake from an address that is not barred (the publish socket without CURVE). The same thread reads the
/// connection events of every socket given to <c>Watch</c>, to count and report the handshakes that fail before
/// ZAP is asked (no CURVE, the wrong server key), and to tell each socket's <see cref="IConnectionObserver"/> of its
/// connections. Started on first use, it lives as long as the process: while a CURVE socket is open the handler must
/// answer, or libzmq would admit every client.
/// </summary>
sealed class ZapHandler
{
    public const string Endpoint = "inproc://zeromq.zap.01";
    const string WakeEndpoint = "inproc://distlogd-zap-wake";
    const int MonitoredEvents = LibZmq.EventAccepted | LibZmq.EventDisconnected | LibZmq.EventMonitorStopped | LibZmq.EventHandshakeFailedNoDetail
        | LibZmq.EventHandshakeFailedProtocol | LibZmq.EventHandshakeFailedAuth;
    static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(100);
    static readonly Lazy<ZapHandler> SharedHandler = new(() => new ZapHandler(ZmqContext.Shared));

    readonly ZmqContext _context;
    readonly ZmqSocket _requests;
    // Told of each new monitor, so that the thread reads its events at once, not after its poll interval.
    readonly ZmqSocket _wake;
    readonly ConcurrentDictionary<string, Domain> _domains = new(StringComparer.Ordinal);
    readonly ConcurrentQueue<HandshakeMonitor> _added = new();
    readonly List<HandshakeMonitor> _monitors = [];
    int _lastId;

    ZapHandler(ZmqContext context)
    {
        _context = context;
        // Bound before any CURVE socket exists, so that no handshake can pass unasked.
        _requests = context.CreateSocket(ZmqSocketType.Rep);
        _requests.Bind(Endpoint);
        _wake = context.CreateSocket(ZmqSocketType.Pull);
        _wake.Bind(WakeEndpoint);
        new Thread(Run) { Name = "distlogd ZAP", IsBackground = true }.Start();
    }

    /// <summary>The handler of <see cref="ZmqContext.Shared"/>, started on first use.</summary>
    public static ZapHandler Shared => SharedHandler.Value;

    /// <summary>A new ZAP domain whose handshakes <paramref name="server"/> decides.</summary>
    public string Register(CurveServer server) => Register(new Domain(server, null));

    /// <summary>A new ZAP domain that refuses the addresses <paramref name="barrier"/> bars, then asks
    /// <paramref name="server"/> (CURVE), or admits (NULL) where there is none.</summary>
    public string Register(CurveServer? server, PeerBarrier barrier) => Register(new Domain(server, barrier));

    string Register(Domain entry)
    {
        var domain = $"distlog-{Interlocked.Increment(ref _lastId)}";
        _domains[domain] = entry;
        return domain;
    }

    /// <summary>From now on the domain admits nobody.</summary>
    public void Unregister(string domain) => _domains.TryRemove(domain, out _);

    /// <summary>
    /// Reads <paramref name="socket"/>'s connection events from now on, reporting failed handshakes to
    /// <paramref name="server"/> and every connection to <paramref name="observer"/>, where given. A socket has one
    /// monitor: watch it once, with both. Call on the socket's thread, before it binds.
    /// </summary>
    public void Watch(ZmqSocket socket, CurveServer server, IConnectionObserver? observer = null) => Watch(socket, server, observer, null);

    /// <summary>
    /// Tells <paramref name="observer"/> of every connection of <paramref name="socket"/>, a socket without CURVE. Its
    /// handshakes are put to this handler too, which admits every NULL one, after reading the socket's connection
    /// events: a connection's accept event is then always read before the connection can bring a message. Call on the
    /// socket's thread, before it binds.
    /// </summary>
    public void Watch(ZmqSocket socket, IConnectionObserver observer)
    {
        var domain = Register(new Domain(null, null));
        socket.ZapDomain = domain;
        Watch(socket, null, observer, domain);
    }

    void Watch(ZmqSocket socket, CurveServer? server, IConnectionObserver? observer, string? domain)
    {
        var endpoint = $"inproc://distlogd-handshakes-{Interlocked.Increment(ref _lastId)}";
        socket.Monitor(endpoint, MonitoredEvents);
        var reader = _context.CreateSocket(ZmqSocketType.Pair);
        try
        {
            reader.Connect(endpoint);
        }
        catch
        {
            reader.Dispose();
            throw;
        }
        // Connected here, so that no event is lost before the ZAP thread takes the reader over.
        _added.Enqueue(new HandshakeMonitor(reader, server, observer) { Domain = domain });
        using var wake = _context.CreateSocket(ZmqSocketType.Push);
        wake.Connect(WakeEndpoint);
        wake.Send([]);
    }

    void Run()
    {
        var sockets = new List<ZmqSocket>();
        var readable = new bool[1];
        while (true)
        {
            while (_added.TryDequeue(out var monitor))
                _monitors.Add(monitor);
            sockets.Clear();
            sockets.Add(_requests);
            sockets.Add(_wake);
            foreach (var monitor in _monitors)
                sockets.Add(monitor.Socket);
            if (readable.Length < sockets.Count)
                readable = new bool[sockets.Count * 2];
            Array.Clear(readable);

            var ready = ZmqPoller.Poll(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(sockets), readable, PollInterval);
            foreach (var monitor in _monitors)
                monitor.Tick();
            if (ready == 0)
                continue;
            if (readable[0])
                Answer();
            while (readable[1] && _wake.ReceiveMultipart(TimeSpan.Zero) is not null)
            {
            }
            ReadMonitors();
        }
    }

    /// <summary>Handles every monitor's waiting events; a monitor whose socket is closed is let go, with its domain.</summary>
    void ReadMonitors()
    {
        for (var i = _monitors.Count - 1; i >= 0; i--)
        {
            if (!_monitors[i].Read())
            {
                _monitors[i].Socket.Dispose();
                if (_monitors[i].Domain is { } domain)
                    Unregister(domain);
                _monitors.RemoveAt(i);
            }
        }
    }

    /// <summary>Answers one ZAP request: version, request id, domain, address, identity, mechanism, credentials.</summary>
    void Answer()
    {
        var request = _requests.ReceiveMultipart(TimeSpan.Zero);
        if (request is null)
            return;
        // libzmq reports a connection's accept before it asks about its handshake, and the connection brings no message
        // before the answer: read now, every accept is seen while its connection is open.
        ReadMonitors();
        var requestId = request.Length > 1 ? request[1] : [];
        if (request.Length < 6 || !request[0].AsSpan().SequenceEqual("1.0"u8))
        {
            Reply(requestId, "500", "malformed ZAP request", "");
            return;
        }

        var domain = Encoding.UTF8.GetString(request[2]);
        var address = Encoding.UTF8.GetString(request[3]);
        var mechanism = Encoding.ASCII.GetString(request[5]);
        if (!_domains.TryGetValue(domain, out var entry))
        {
            Reply(requestId, "400", "no CURVE server in this domain", "");
            return;
        }
        if (entry.Barrier?.Refuses(address) == true)
        {
            Reply(requestId, "400", "address barred for a while", "");
            return;
        }
        if (entry.Curve is not { } server)
        {
            Reply(requestId, mechanism == "NULL" ? "200" : "400", mechanism == "NULL" ? "OK" : "NULL expected", "");
            return;
        }
        if (mechanism != "CURVE" || request.Length < 7 || request[6].Length != 32)
        {
            server.Refused(HandshakeRefusal.NoCurve, address, $"a {mechanism} handshake; this collector requires CURVE");
            Reply(requestId, "400", "CURVE required", "");
            return;
        }

        var key = ZmqCertificate.EncodeKey(request[6]);
        if (server.Clients.Find(key) is null)
        {
            server.Refused(HandshakeRefusal.UnknownKey, address, $"client key {key} is not in authorizedClients");
            Reply(requestId, "400", "key not authorised", "");
            return;
        }
        // The key is the User-Id of every message of the connection, which is how ingest knows the client.
        Reply(requestId, "200", "OK", key);
    }

    sealed record Domain(CurveServer? Curve, PeerBarrier? Barrier);

    void Reply(byte[] requestId, string status, string text, string userId)
    {
        _requests.Send("1.0"u8, more: true);
        _requests.Send(requestId, more: true);
        _requests.Send(Encoding.ASCII.GetBytes(status), more: true);
        _requests.Send(Encoding.UTF8.GetBytes(text), more: true);
        _requests.Send(Encoding.ASCII.GetBytes(userId), more: true);
        _requests.Send([]);
    }
}
