using Distlog.Collector.Plugins.Redis.Resp;

namespace Distlog.Collector.Tests.Plugins.Redis.Resp;

sealed class RedisEndpointTests
{
    [TestCase("localhost:6380", "localhost", 6380)]
    [TestCase("redis.example.com", "redis.example.com", 6379)]
    [TestCase(" 10.0.0.5:7000 ", "10.0.0.5", 7000)]
    [TestCase("[::1]:6390", "::1", 6390)]
    [TestCase("[::1]", "::1", 6379)]
    [TestCase("fe80::1", "fe80::1", 6379)]
    public void ParsesHostAndPortWithPort6379WhereNoneIsGiven(string text, string host, int port)
    {
        Assert.That(RedisEndpoint.Parse(text), Is.EqualTo(new RedisEndpoint(host, port)));
    }

    [TestCase("")]
    [TestCase("localhost:")]
    [TestCase("localhost:notaport")]
    [TestCase("localhost:70000")]
    [TestCase(":6379")]
    [TestCase("[::1")]
    [TestCase("a:b:c")]
    public void RejectsMalformedAddressesWithAMessageNamingTheTextAndTheForm(string text)
    {
        var error = Assert.Throws<FormatException>(() => RedisEndpoint.Parse(text))!;

        Assert.That(error.Message, Does.Contain($"'{text}'").And.Contain("host:port"));
    }

    [Test]
    public void PrintsIPv6HostsInBrackets()
    {
        Assert.That(new RedisEndpoint("::1", 6379).ToString(), Is.EqualTo("[::1]:6379"));
        Assert.That(new RedisEndpoint("localhost", 6379).ToString(), Is.EqualTo("localhost:6379"));
    }
}
