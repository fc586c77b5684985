using Distlog.Collector.Plugins;
using Distlog.Collector.Plugins.Redis;
using Distlog.Collector.Plugins.Redis.Resp;
using Distlog.Collector.Tests.Support;

namespace Distlog.Collector.Tests.Plugins.Redis;

sealed class RedisSinkTests
{
    RedisServer _server = null!;
    RespConnection _redis = null!;
    string _key = null!;

    [OneTimeSetUp]
    public void StartServer() => _server = RedisServer.Start();

    [OneTimeTearDown]
    public void StopServer() => _server.Dispose();

    [SetUp]
    public void Connect()
    {
        _redis = _server.Connect();
        _key = $"distlog:{Guid.NewGuid():N}";
    }

    [TearDown]
    public void Disconnect() => _redis.Dispose();

    [Test]
    public void StreamModeAddsEachEventsClefLineInOrderUnderTheFieldClef()
    {
        using var sink = NewSink(RedisMode.Stream);

        sink.EmitBatch(NumberedEvents.Create(300));
        sink.EmitBatch(NumberedEvents.Create(200, first: 300));

        var entries = _redis.Execute("XRANGE", _key, "-", "+").Items;
        Assert.That(entries.Select(e => e.Items[1].Items[0].AsString()), Is.All.EqualTo(RedisSink.StreamField));
        Assert.That(entries.Select(e => NumberedEvents.NumberOf(e.Items[1].Items[1].Bytes!)), Is.EqualTo(NumberedEvents.Range(500)));
    }

    [Test]
    public void StreamModeTrimsTheStreamToRoughlyMaxLength()
    {
        using var sink = NewSink(RedisMode.Stream, maxLength: 100);

        for (var i = 0; i < 20; i++)
            sink.EmitBatch(NumberedEvents.Create(100, first: i * 100));

        // MAXLEN ~ trims whole stream nodes (100 entries each by default), so the length stays near the cap.
        Assert.That(_redis.Execute("XLEN", _key).Integer, Is.InRange(100, 300));
        var last = _redis.Execute("XREVRANGE", _key, "+", "-", "COUNT", "1").Items[0];
        Assert.That(NumberedEvents.NumberOf(last.Items[1].Items[1].Bytes!), Is.EqualTo(1999));
    }

    [Test]
    public void StreamModeWithoutMaxLengthKeepsEveryEvent()
    {
        using var sink = NewSink(RedisMode.Stream, maxLength: null);

        for (var i = 0; i < 5; i++)
            sink.EmitBatch(NumberedEvents.Create(300, first: i * 300));

        Assert.That(_redis.Execute("XLEN", _key).Integer, Is.EqualTo(1500));
    }

    [Test]
    public void ListModeAppendsEachEventsClefLineInOrder()
    {
        using var sink = NewSink(RedisMode.List);

        // More than one RPUSH's worth in the first batch.
        sink.EmitBatch(NumberedEvents.Create(2500));
        sink.EmitBatch(NumberedEvents.Create(10, first: 2500));

        var values = _redis.Execute("LRANGE", _key, "0", "-1").Items;
        Assert.That(values.Select(v => NumberedEvents.NumberOf(v.Bytes!)), Is.EqualTo(NumberedEvents.Range(2510)));
    }

    [Test]
    public void PublishModeSendsEachEventsClefLineToSubscribersInOrder()
    {
        using var subscriber = _server.Connect();
        Assert.That(subscriber.Execute("SUBSCRIBE", _key).ToString(), Is.EqualTo($"[subscribe, {_key}, 1]"));
        using var sink = NewSink(RedisMode.Publish);

        sink.EmitBatch(NumberedEvents.Create(250));

        var numbers = new List<int>();
        for (var i = 0; i < 250; i++)
        {
            var message = subscriber.Reader.Read().Items;
            Assert.That(message[0].AsString(), Is.EqualTo("message"));
            Assert.That(message[1].AsString(), Is.EqualTo(_key));
            numbers.Add(NumberedEvents.NumberOf(message[2].Bytes!));
        }

        Assert.That(numbers, Is.EqualTo(NumberedEvents.Range(250)));
    }

    [Test]
    public void TheDatabaseOptionWritesIntoThatDatabase()
    {
        using var sink = new RedisSink(new RedisSinkOptions { Server = _server.Address, Key = _key, Database = 5 });

        sink.EmitBatch(NumberedEvents.Create(3));

        Assert.That(_redis.Execute("EXISTS", _key).Integer, Is.Zero);
        _redis.Select(5);
        Assert.That(_redis.Execute("XLEN", _key).Integer, Is.EqualTo(3));
    }

    [Test]
    public void ACommandRedisRejectsFailsTheBatchWithRedisMessage()
    {
        _redis.Execute("SET", _key, "a string, not a stream");
        using var sink = NewSink(RedisMode.Stream);

        var error = Assert.Throws<RedisServerException>(() => sink.EmitBatch(NumberedEvents.Create(4)))!;

        Assert.That(error.ErrorCode, Is.EqualTo("WRONGTYPE"));
        Assert.That(error.Message, Does.Contain("rejected 4 of 4 commands").And.Contain(_key));
    }

    [Test]
    public void AnEmptyBatchNeedsNoServer()
    {
        using var sink = new RedisSink(new RedisSinkOptions { Server = "127.0.0.1:1" });

        Assert.DoesNotThrow(() => sink.EmitBatch(new EventBatch(0)));
    }

    [TestCase(0L, "maxLength")]
    [TestCase(-5L, "maxLength")]
    public void AnOptionOutOfRangeFailsAtConstructionNamingIt(long maxLength, string argument)
    {
        var error = Assert.Throws<ArgumentException>(() => new RedisSink(new RedisSinkOptions { MaxLength = maxLength }))!;

        Assert.That(error.Message, Does.Contain($"'{argument}'"));
    }

    [Test]
    public void AServerThatIsNotHostAndPortFailsAtConstructionNamingIt()
    {
        var error = Assert.Throws<ArgumentException>(() => new RedisSink(new RedisSinkOptions { Server = "localhost:http" }))!;

        Assert.That(error.ParamName, Is.EqualTo("server"));
        Assert.That(error.Message, Does.Contain("'localhost:http'").And.Contain("host:port"));
    }

    RedisSink NewSink(RedisMode mode, long? maxLength = RedisSinkOptions.DefaultMaxLength) =>
        new(new RedisSinkOptions { Server = _server.Address, Mode = mode, Key = _key, MaxLength = maxLength });
}
