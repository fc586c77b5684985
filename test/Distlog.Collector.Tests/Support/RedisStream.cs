using System.Diagnostics;
using System.Text.Json.Nodes;
using Distlog.Collector.Plugins.Redis.Resp;

namespace Distlog.Collector.Tests.Support;

/// <summary>Reads a Redis stream the redis plugin wrote: every entry's <c>clef</c> field as JSON, in stream order.</summary>
static class RedisStream
{
    // A restarted server with an append-only file has refused XRANGE with LOADING after its INFO had said loading:0
    // (seen once in a clean-clone run): that means not yet, not a failure.
    static readonly TimeSpan LoadingWait = TimeSpan.FromSeconds(30);

    public static List<JsonObject> Read(RedisServer server, string key)
    {
        using var redis = server.Connect();
        var entries = RangeOnceLoaded(redis, key);
        var events = new List<JsonObject>(entries.Count);
        foreach (var entry in entries)
        {
            var fields = entry.Items[1].Items;
            Assert.That(fields, Has.Count.EqualTo(2));
            Assert.That(fields[0].AsString(), Is.EqualTo("clef"), "the stream entry's only field");
            events.Add(JsonNode.Parse(fields[1].Bytes!)!.AsObject());
        }
        return events;
    }

    static IReadOnlyList<RespValue> RangeOnceLoaded(RespConnection redis, string key)
    {
        var waited = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                return redis.Execute("XRANGE", key, "-", "+").Items;
            }
            catch (RedisServerException ex) when (ex.ErrorCode == "LOADING" && waited.Elapsed < LoadingWait)
            {
                Thread.Sleep(50);
            }
        }
    }
}
