using System.Text;
using Distlog.Clef;
using Distlog.Transport;
using Serilog.Events;

namespace Distlog.Collector.Plugins;

/// <summary>
/// The <c>publish</c> plugin: a PUB socket bound on <c>endpoint</c> (default <c>tcp://*:5011</c>); each event goes out as
/// two frames, topic <c>{system}LC/{Level}/{Application}</c> (e.g. <c>PLC/Error/orders</c>) and one CLEF event (the line
/// as received; the topic from the event's <see cref="ClefSummary"/>, so no <see cref="LogEvent"/> is built), so a
/// subscriber filters by prefix. PUB never blocks: a slow subscriber loses what exceeds <see cref="SendHighWatermark"/>.
/// Created, used and disposed on its plugin worker, which owns the socket.
/// </summary>
internal sealed class PublishSink : IBatchSink
{
    public const string DefaultEndpoint = "tcp://*:5011";
    public const int SendHighWatermark = 100_000;
    private const int MaxCachedTopics = 1024;
    private static readonly TimeSpan Linger = TimeSpan.FromMilliseconds(500);

    private readonly ZmqSocket _socket;
    private readonly ClefBuffer _clef = new();
    private readonly Dictionary<(char, LogEventLevel, string), byte[]> _topics = [];

    public PublishSink(string endpoint)
    {
        _socket = ZmqContext.Shared.CreateSocket(ZmqSocketType.Pub);
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

    public void EmitBatch(IReadOnlyList<LogEvent> batch)
    {
        for (var i = 0; i < batch.Count; i++)
        {
            _socket.TrySend(Topic(EventBatch.SystemAt(batch, i), EventBatch.SummaryAt(batch, i)), more: true);
            _socket.TrySend(_clef.Line(batch, i));
        }
    }

    public void Dispose()
    {
        _socket.Dispose();
        _clef.Dispose();
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
