using System.Diagnostics;
using System.Text;
using Distlog.Clef;
using Distlog.Transport;
using Serilog.Events;

namespace Distlog.Collector.Plugins;

/// <summary>
/// The <c>publish</c> plugin: a PUB socket bound on <c>endpoint</c> (default <c>tcp://127.0.0.1:5011</c>); each event goes out as
/// two frames, topic <c>{system}LC/{Level}/{Application}</c> (e.g. <c>PLC/Error/orders</c>) and one CLEF event (the line
/// as received; the topic from the event's <see cref="ClefSummary"/>, so no <see cref="LogEvent"/> is built), so a
/// subscriber filters by prefix. PUB never blocks: a slow subscriber loses what exceeds <see cref="SendHighWatermark"/>.
/// The socket is an XPUB, which hears its subscribers' subscriptions: while nobody subscribes (no <c>distlog tail</c>
/// running, the usual case) a batch is not sent at all, where a PUB would take and drop every frame. Created, used and
/// disposed on its plugin worker, which owns the socket.
/// </summary>
internal sealed class PublishSink : IBatchSink
{
    public const string DefaultEndpoint = "tcp://127.0.0.1:5011";
    public const int SendHighWatermark = 100_000;
    private const int MaxCachedTopics = 1024;
    private static readonly TimeSpan Linger = TimeSpan.FromMilliseconds(500);

    // How often the (un)subscriptions are read: a non-blocking receive costs ~3 µs here, too much for every small
    // batch. A new subscriber may so miss up to this much more of the stream than a PUB's slow joiner does anyway.
    private static readonly TimeSpan SubscriptionCheckInterval = TimeSpan.FromMilliseconds(50);

    private readonly ZmqSocket _socket;
    private readonly ClefBuffer _clef = new();
    private readonly Dictionary<(char, LogEventLevel, string), byte[]> _topics = [];
    private readonly ZmqMessage _subscription = new();
    private readonly HashSet<string> _prefixes = [];
    private long _subscriptionsReadAt;

    public PublishSink(string endpoint)
    {
        _socket = ZmqContext.Shared.CreateSocket(ZmqSocketType.XPub);
        try
        {
            _socket.SendHighWatermark = SendHighWatermark;
            _socket.Linger = Linger;
            _socket.Bind(endpoint);
        }
        catch
        {
            _socket.Dispose();
            throw;
        }
        Endpoint = _socket.LastEndpoint;
    }

    /// <summary>The endpoint actually bound.</summary>
    public string Endpoint { get; }

    /// <summary>True when at least one subscriber subscribes to something, as of the last look (see <see cref="EmitBatch"/>).</summary>
    public bool HasSubscribers => _prefixes.Count > 0;

    public void EmitBatch(IReadOnlyList<LogEvent> batch)
    {
        ReadSubscriptions();
        if (!HasSubscribers)
            return;
        for (var i = 0; i < batch.Count; i++)
        {
            _socket.TrySend(Topic(EventBatch.SystemAt(batch, i), EventBatch.SummaryAt(batch, i)), more: true);
            _socket.TrySend(_clef.Line(batch, i));
        }
    }

    public void Dispose()
    {
        _socket.Dispose();
        _subscription.Dispose();
        _clef.Dispose();
    }

    /// <summary>Takes in the (un)subscriptions that arrived, at most once per <see cref="SubscriptionCheckInterval"/>.</summary>
    private void ReadSubscriptions()
    {
        if (_subscriptionsReadAt != 0 && Stopwatch.GetElapsedTime(_subscriptionsReadAt) < SubscriptionCheckInterval)
            return;
        _subscriptionsReadAt = Stopwatch.GetTimestamp();
        while (_socket.TryReceive(_subscription, dontWait: true))
        {
            var frame = _subscription.Data;
            if (frame.IsEmpty)
                continue;
            var prefix = Encoding.Latin1.GetString(frame[1..]);
            if (frame[0] == 1)
                _prefixes.Add(prefix);
            else if (frame[0] == 0)
                _prefixes.Remove(prefix);
        }
    }

    private byte[] Topic(char system, in ClefSummary e)
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
