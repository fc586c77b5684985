using System.Text.Json.Nodes;

namespace Distlog.Collector.Tests.Support;

/// <summary>Reads a Redis stream the redis plugin wrote: every entry's <c>clef</c> field as JSON, in stream order.</summary>
internal static class RedisStream
{
    public static List<JsonObject> Read(RedisServer server, string key)
    {
        using var redis = server.Connect();
        var entries = redis.Execute("XRANGE", key, "-", "+").Items;
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
}
