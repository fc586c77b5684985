using Distlog.Collector.Plugins.Redis;
using Distlog.Collector.Plugins.Redis.Resp;
using Distlog.Collector.Tests.Support;

namespace Distlog.Collector.Tests.Plugins.Redis;

sealed class RedisSinkReconnectTests
{
    const string Password = "reconnect-pass";
    const string Key = "distlog";
    RedisServer _server = null!;

    [SetUp]
    public void StartServer() => _server = RedisServer.Start(Password);

    [TearDown]
    public void StopServer() => _server.Dispose();

    [Test]
    public void EmitBatchThrowsWhileRedisIsDownAndTheSameBatchArrivesWholeAfterARestart()
    {
        using var sink = NewSink();
        sink.EmitBatch(NumberedEvents.Create(100));
        var retried = NumberedEvents.Create(100, first: 100);

        _server.Kill();
        // The first attempt runs into the dead connection, the second into a closed port.
        Assert.Throws<RedisConnectionException>(() => sink.EmitBatch(retried));
        var refused = Assert.Throws<RedisConnectionException>(() => sink.EmitBatch(retried))!;
        Assert.That(refused.Message, Does.Contain($"Could not connect to Redis at {_server.Address}"));
        _server.Restart();
        sink.EmitBatch(retried);
        sink.EmitBatch(NumberedEvents.Create(100, first: 200));

        // Redis ran without persistence, so the first batch died with it; the retried one arrived once and whole.
        Assert.That(StreamNumbers(), Is.EqualTo(NumberedEvents.Range(200, first: 100)));
    }

    [Test]
    public void ABatchWrittenIntoAConnectionTheServerDroppedIsRetriedWholeOnANewOne()
    {
        using var sink = NewSink();
        sink.EmitBatch(NumberedEvents.Create(1));
        using (var admin = _server.Connect())
            admin.Execute("CLIENT", "KILL", "USER", "default", "SKIPME", "yes");

        var batch = NumberedEvents.Create(5000, first: 1);
        Assert.Throws<RedisConnectionException>(() => sink.EmitBatch(batch));
        sink.EmitBatch(batch);

        // The killed connection applied none of the batch here, so every event is there exactly once.
        Assert.That(StreamNumbers(), Is.EqualTo(NumberedEvents.Range(5001)));
    }

    [Test]
    public void TheFirstBatchWithRedisNotRunningFailsAndALaterOneConnects()
    {
        _server.Kill();
        using var sink = NewSink();

        var error = Assert.Throws<RedisConnectionException>(() => sink.EmitBatch(NumberedEvents.Create(3)))!;
        Assert.That(error.Message, Does.Contain(_server.Address));
        _server.Restart();
        sink.EmitBatch(NumberedEvents.Create(3));

        Assert.That(StreamNumbers(), Is.EqualTo(NumberedEvents.Range(3)));
    }

    [Test]
    public void AWrongPasswordFailsEachBatchWithRedisMessage()
    {
        using var sink = new RedisSink(new RedisSinkOptions { Server = _server.Address, Password = "wrong" });

        var error = Assert.Throws<RedisServerException>(() => sink.EmitBatch(NumberedEvents.Create(1)))!;

        Assert.That(error.ErrorCode, Is.EqualTo("WRONGPASS"));
        Assert.That(error.Message, Does.Contain("refused the credentials"));
    }

    RedisSink NewSink() => new(new RedisSinkOptions { Server = _server.Address, Key = Key, Password = Password });

    int[] StreamNumbers()
    {
        using var redis = _server.Connect();
        return redis.Execute("XRANGE", Key, "-", "+").Items.Select(e => NumberedEvents.NumberOf(e.Items[1].Items[1].Bytes!)).ToArray();
    }
}
