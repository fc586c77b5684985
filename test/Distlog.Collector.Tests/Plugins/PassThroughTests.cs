using System.Text;
using Distlog.Collector.Plugins;
using Distlog.Collector.Plugins.Publish;
using Distlog.Collector.Plugins.Redis;
using Distlog.Collector.Plugins.Sqlite;
using Distlog.Collector.Tests.Support;
using Distlog.Transport;

namespace Distlog.Collector.Tests.Plugins;

/// <summary>Stored CLEF stays as the sender wrote it: every store keeps the received line, not a re-formatted one.</summary>
public sealed class PassThroughTests
{
    // Valid CLEF that ClefWriter would write differently: spaces, an escaped é, a redundant level, 1.50, key order.
    const string Line =
        """{ "@mt" : "Caf\u00e9 {N}",  "N": 1.50, "@l":"Information", "@t":"2024-05-01T12:00:00.001Z", "Application": "orders" }""";

    [Test]
    public void PublishSendsTheLineAsReceived()
    {
        using var sink = new PublishSink("tcp://127.0.0.1:*");
        using var subscriber = ZmqContext.Shared.CreateSocket(ZmqSocketType.Sub);
        subscriber.Subscribe("");
        subscriber.Connect(sink.Endpoint);
        var batch = Received.Clef(Line);

        byte[][]? frames = null;
        Assert.That(Eventually.Holds(() =>
        {
            sink.EmitBatch(batch); // PUB drops until the subscription arrives (slow joiner): repeat until one is seen
            return (frames = subscriber.ReceiveMultipart(TimeSpan.FromMilliseconds(100))) is not null;
        }), Is.True);

        Assert.That(Encoding.UTF8.GetString(frames![0]), Is.EqualTo("PLC/Information/orders"));
        Assert.That(Encoding.UTF8.GetString(frames[1]), Is.EqualTo(Line));
    }

    [Test]
    public void SqliteStoresTheLineAsReceivedWithColumnsFromTheEvent()
    {
        using var folder = new TempFolder();
        var path = folder.Combine("distlog.db");

        using (var store = new SqliteStore(path))
            store.EmitBatch(Received.Clef(Line));

        var row = Stored.SqliteRows(path).Single();
        Assert.That((row.Clef, row.Message, row.Level, row.Application), Is.EqualTo((Line, "Café 1.50", 2, "orders")));
    }

    [Test]
    public void RedisStoresTheLineAsReceived()
    {
        using var server = RedisServer.Start();
        using var redis = server.Connect();
        using (var sink = new RedisSink(new RedisSinkOptions { Server = server.Address, Mode = RedisMode.List, Key = "pass" }))
            sink.EmitBatch(Received.Clef(Line));

        Assert.That(redis.Execute("LRANGE", "pass", "0", "-1").Items.Select(i => i.AsString()), Is.EqualTo(new[] { Line }));
    }
}
