using System.Diagnostics;
using System.Text;
using Distlog.Clef;
using Distlog.Collector.Clef;
using Distlog.Collector.Configuration;
using Distlog.Collector.Plugins.Publish;
using Distlog.Collector.Security;
using Distlog.Transport;
using Serilog;
using Serilog.Events;

namespace Distlog.Collector.Plugins.Publish;

/// <summary>
/// The <c>publish</c> plugin: a PUB socket bound on <c>endpoint</c> (default <c>tcp://127.0.0.1:5011</c>); each event goes out as
/// two frames, topic <c>{system}LC/{Level}/{Application}</c> (e.g. <c>PLC/Error/orders</c>) and one CLEF event (the line
/// as received; the topic from the event's <see cref="ClefSummary"/>, so no <see cref="LogEvent"/> is built), so a
/// subscriber filters by prefix. PUB never blocks: a slow subscriber loses what exceeds <see cref="SendHighWatermark"/>.
/// An event larger than <see cref="MaxEventBytes"/> is not published (counted as dropped for this plugin), so that what
/// libzmq holds for a subscriber that stopped reading is bounded in bytes: <see cref="SendHighWatermark"/> times
/// <see cref="MaxEventBytes"/>, 128 MiB, whatever the senders send.
/// The socket is an XPUB, which hears its subscribers' subscriptions: while nobody subscribes (no <c>distlog tail</c>
/// running, the usual case) a batch is not sent at all, where a PUB would take and drop every frame. Every subscription
/// passes a <see cref="SubscriptionGuard"/>, which bounds what subscribers can make libzmq hold. Created, used and
/// disposed on its plugin worker; a thread of its own also reads the subscriptions while no events come, under the same lock.
/// </summary>
sealed class PublishSink : IBatchSink, IDiscardingSink
{
    public const string DefaultEndpoint = BuiltInSinks.PublishDefaultEndpoint;
    public const int SendHighWatermark = 4096;
    public const int MaxEventBytes = 32 * 1024;
    const int MaxCachedTopics = 1024;
    static readonly TimeSpan Linger = TimeSpan.FromMilliseconds(500);

    // How often the (un)subscriptions are read: a non-blocking receive costs ~3 µs here, too much for every small
    // batch. A new subscriber may so miss up to this much more of the stream than a PUB's slow joiner does anyway.
    static readonly TimeSpan SubscriptionCheckInterval = TimeSpan.FromMilliseconds(50);

    // libzmq's private metadata property with the connection's file descriptor (what ZMQ_SRCFD reads).
    const string FdProperty = "__fd";

    // Subscriptions libzmq takes from one connection before the guard sees them: a subscriber sends a few.
    const int ReceiveHighWatermark = 16;

    // How often the guard forgets connections that are gone, counted in subscription checks.
    const int SweepEvery = 20;

    readonly ZmqSocket _socket;
    readonly ClefBuffer _clef = new();
    readonly Dictionary<(char, LogEventLevel, string), byte[]> _topics = [];
    readonly ZmqMessage _subscription = new();
    readonly SubscriptionGuard _guard;
    readonly PeerBarrier _barrier;
    readonly Lock _gate = new();
    // One thread of its own rather than the thread pool's: libzmq builds its subscription trie on the thread that calls
    // into the socket, and glibc gives each thread its own heap arena, so a pool's many threads would scatter and keep it.
    readonly Thread _checker;
    readonly ManualResetEventSlim _stop = new();
    long _subscriptionsReadAt;
    int _checks;
    // This socket's entry in the ZAP handler, with its barrier: removed when the socket is closed.
    readonly string? _zapDomain;
    bool _disposed;
    long _discarded;

    public PublishSink(string endpoint, Security.CurveServer? curve = null, ILogger? log = null)
    {
        _socket = ZmqContext.Shared.CreateSocket(ZmqSocketType.XPub);
        var barrier = _barrier = new PeerBarrier(log);
        try
        {
            // Every handshake goes past the ZAP handler, which refuses the addresses the guard barred.
            if (curve is null)
                _socket.ZapDomain = ZapHandler.Shared.Register(null, barrier);
            else
                curve.ApplyTo(_socket, barrier);
            _zapDomain = _socket.ZapDomain;
            _socket.SendHighWatermark = SendHighWatermark;
            // A subscriber that does not keep up makes the send fail instead of losing the event unseen: it is counted.
            _socket.XPubNoDrop = true;
            _socket.ReceiveHighWatermark = ReceiveHighWatermark;
            // A CURVE handshake's INITIATE (a few hundred bytes) counts against the limit too: with CURVE, prefixes may be
            // longer than MaxPrefixBytes, and the guard's byte bounds per peer and in all still hold them.
            _socket.MaxMessageSize = curve is null ? SubscriptionGuard.MaxPrefixBytes + 1 : CurveMaxMessageBytes;
            _socket.ReportEverySubscription();
            _socket.Linger = Linger;
            _socket.Bind(endpoint);
        }
        catch
        {
            _socket.Dispose();
            if (_zapDomain is not null)
                ZapHandler.Shared.Unregister(_zapDomain);
            throw;
        }
        Endpoint = _socket.LastEndpoint;
        _guard = new SubscriptionGuard(BindEndpoint.Port(Endpoint), barrier, log);
        _checker = new Thread(CheckSubscriptions) { Name = "distlogd publish subscriptions", IsBackground = true };
        _checker.Start();
    }

    /// <summary>The endpoint actually bound.</summary>
    public string Endpoint { get; }

    const int CurveMaxMessageBytes = 1024;

    public string DiscardCause => $"a subscriber was {SendHighWatermark} messages behind, or an event was over {MaxEventBytes} bytes " +
        "(publish is best-effort; tail drops, the stores do not)";

    /// <summary>True when at least one subscriber subscribes to something, as of the last look (see <see cref="EmitBatch"/>).</summary>
    public bool HasSubscribers
    {
        get
        {
            lock (_gate)
                return _guard.HasSubscribers;
        }
    }

    /// <summary>Events not published since the start: a subscriber was <see cref="SendHighWatermark"/> messages behind,
    /// or the event was over <see cref="MaxEventBytes"/>.</summary>
    public long Discarded => Interlocked.Read(ref _discarded);

    /// <summary>Subscriptions held now, all subscribers together, as the guard counts them.</summary>
    public int Subscriptions
    {
        get
        {
            lock (_gate)
                return _guard.Count;
        }
    }

    /// <summary>Handshakes refused since the start because their address was barred for passing a bound (<see cref="PeerBarrier"/>).</summary>
    public long HandshakesRefused => _barrier.Refused;

    /// <summary>Subscribers disconnected for passing a bound of the <see cref="SubscriptionGuard"/>.</summary>
    public long SubscribersDisconnected
    {
        get
        {
            lock (_gate)
                return _guard.Disconnected;
        }
    }

    public void EmitBatch(EventBatch batch)
    {
        lock (_gate)
        {
            ReadSubscriptions();
            if (!_guard.HasSubscribers)
                return;
            for (var i = 0; i < batch.Count; i++)
            {
                var line = _clef.Line(batch, i);
                if (line.Length > MaxEventBytes)
                {
                    Interlocked.Increment(ref _discarded);
                    continue;
                }
                // Once the first frame is taken the second is too: libzmq queues messages whole.
                if (_socket.TrySend(Topic(batch.System(i), batch.Summary(i)), more: true, dontWait: true))
                    _socket.TrySend(line, dontWait: true);
                else
                    Interlocked.Increment(ref _discarded);
            }
        }
    }

    public void Dispose()
    {
        _stop.Set();
        if (_checker != Thread.CurrentThread)
            _checker.Join();
        lock (_gate)
        {
            if (_disposed)
                return;
            _disposed = true;
            _socket.Dispose();
            ZapHandler.Shared.Unregister(_zapDomain!);
            _subscription.Dispose();
            _clef.Dispose();
            _stop.Dispose();
        }
    }

    /// <summary>On its own thread: takes in subscriptions while no batch does, so that they never pile up in libzmq.</summary>
    void CheckSubscriptions()
    {
        while (!_stop.Wait(SubscriptionCheckInterval))
        {
            lock (_gate)
            {
                if (_disposed)
                    return;
                ReadSubscriptions();
                if (++_checks % SweepEvery == 0)
                    _guard.Sweep();
            }
        }
    }

    /// <summary>Takes in the (un)subscriptions that arrived, at most once per <see cref="SubscriptionCheckInterval"/>; under the lock.</summary>
    void ReadSubscriptions()
    {
        if (_subscriptionsReadAt != 0 && Stopwatch.GetElapsedTime(_subscriptionsReadAt) < SubscriptionCheckInterval)
            return;
        while (_socket.TryReceive(_subscription, dontWait: true))
            _guard.Observe(_subscription.Data, _subscription.Property(FdProperty));
        _subscriptionsReadAt = Stopwatch.GetTimestamp();
    }

    byte[] Topic(char system, in ClefSummary e)
    {
        var application = e.Application ?? "";
        var key = (system, e.Level, application);
        if (_topics.TryGetValue(key, out var topic))
            return topic;
        if (_topics.Count >= MaxCachedTopics)
            _topics.Clear();
        return _topics[key] = Encoding.UTF8.GetBytes($"{system}LC/{e.Level}/{application}");
    }
}
