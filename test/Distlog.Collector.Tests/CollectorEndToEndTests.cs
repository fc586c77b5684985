using System.Text.Json.Nodes;
using Distlog.Collector.Tests.Support;
using Serilog;

namespace Distlog.Collector.Tests;

/// <summary>
/// Senders -> a real distlogd -> file, sqlite, redis (a real redis-server) and publish. The redis outage test is
/// <see cref="RedisOutageTests"/>; the redis plugin's own tests live in Plugins/Redis.
/// </summary>
public sealed class CollectorEndToEndTests
{
    const int Count = 1_000;
    const string RedisKey = "distlog";

    [Test]
    public void EveryEventPushedArrivesExactlyOnceInFileSqliteAndPublishWithItsTaskKey()
    {
        using var folder = new TempFolder();
        var ingest = FreePort.Endpoint();
        var publish = FreePort.Endpoint();
        using var collector = CollectorProcess.StartReady(folder, Some.Yaml(ingest,
            "sink: file\nargs: { path: logs/events.clef, rollingInterval: Infinite }",
            "sink: sqlite\nargs: { path: logs/distlog.db }",
            $"sink: publish\nargs: {{ endpoint: \"{publish}\" }}"));
        using var pusher = new Pusher(ingest);
        using var subscriber = new Subscriber(publish, "PLC/Information/orders", "PLC/Error/orders");
        subscriber.Join(pusher);

        for (var first = 0; first < Count; first += 50)
            pusher.SendBatch(Enumerable.Range(first, 50).Select(n => Some.ClefLine(n, level: n % 10 == 0 ? "Error" : null, taskKey: Some.TaskKey(n))));

        var published = new List<(string Topic, JsonObject Event)>();
        while (published.Count < Count && subscriber.Receive(TimeSpan.FromSeconds(10)) is { } message)
            published.Add((message.Topic, JsonNode.Parse(message.Clef)!.AsObject()));
        var db = folder.Combine("logs", "distlog.db");
        Assert.That(Eventually.Holds(() => Orders(Stored.SqliteRows(db)).Count() >= Count), Is.True, collector.Stderr);
        Assert.That(collector.Terminate(), Is.Zero);

        var expected = Enumerable.Range(0, Count).Select(n => (long)n).ToList();
        var lines = Stored.ClefLines(folder.Combine("logs")).Where(l => (string?)l["Application"] == "orders").ToList();
        Assert.That(Stored.Numbers(lines), Is.EqualTo(expected), "file");
        Assert.That(lines.Select(l => (string?)l["TaskKey"]), Is.EqualTo(expected.Select(Some.TaskKey)), "file task keys");

        var rows = Orders(Stored.SqliteRows(db)).ToList();
        Assert.That(rows.Select(r => r.Message), Is.EqualTo(expected.Select(n => $"Event {n}")), "sqlite");
        Assert.That(rows.Select(r => r.TaskKey), Is.EqualTo(expected.Select(Some.TaskKey)), "sqlite task keys");
        Assert.That(rows.Select(r => r.Root), Is.All.EqualTo(Some.Root));
        Assert.That(rows.Count(r => r.Level == 4), Is.EqualTo(Count / 10));

        Assert.That(published.Select(p => (long)p.Event["N"]!), Is.EqualTo(expected), "publish");
        Assert.That(published.Select(p => (string?)p.Event["TaskKey"]), Is.EqualTo(expected.Select(Some.TaskKey)), "publish task keys");
        Assert.That(published.Select(p => p.Topic), Is.EqualTo(expected.Select(n => n % 10 == 0 ? "PLC/Error/orders" : "PLC/Information/orders")));
    }

    [Test]
    public void EventsFromASerilogLoggerInsideDistlogTasksArriveExactlyOnceInFileSqliteRedisAndPublishWithTheirTaskKeys()
    {
        using var folder = new TempFolder();
        using var redis = RedisServer.Start();
        var ingest = FreePort.Endpoint();
        var publish = FreePort.Endpoint();
        using var collector = CollectorProcess.StartReady(folder, Some.Yaml(ingest,
            "sink: file\nargs: { path: logs/events.clef, rollingInterval: Infinite }",
            "sink: sqlite\nargs: { path: logs/distlog.db }",
            $"sink: redis\nargs: {{ server: \"{redis.Address}\", mode: stream, key: {RedisKey} }}",
            $"sink: publish\nargs: {{ endpoint: \"{publish}\" }}"));
        using var subscriber = new Subscriber(publish, "PLC/Information/orders");
        using (var pusher = new Pusher(ingest))
            subscriber.Join(pusher);
        string root;

        using (var logger = new LoggerConfiguration().MinimumLevel.Verbose().Enrich.FromLogContext()
            .WriteTo.Distlog(ingest, application: "orders", whenFull: DistlogWhenFull.Block).CreateLogger())
        {
            using (var job = DistlogTask.Start(logger, "Import {File}", "orders.csv"))
            {
                root = job.Id;
                for (var n = 0; n < 100; n++)
                    logger.Information("Event {N}", n);
                using (DistlogTask.To(logger, "Parse {Line}", 42))
                {
                    for (var n = 100; n < 200; n++)
                        logger.Information("Event {N}", n);
                }
            }
        }

        const int expected = 204; // 200 events and the start and end of two tasks
        var published = new List<JsonObject>();
        while (published.Count < expected && subscriber.Receive(TimeSpan.FromSeconds(10)) is { } message)
            published.Add(JsonNode.Parse(message.Clef)!.AsObject());
        var db = folder.Combine("logs", "distlog.db");
        Assert.That(Eventually.Holds(() => Orders(Stored.SqliteRows(db)).Count() >= expected
            && Orders(RedisStream.Read(redis, RedisKey)).Count() >= expected, TimeSpan.FromSeconds(15)), Is.True, collector.Stderr);
        Assert.That(collector.Terminate(), Is.Zero);
        while (subscriber.Receive(TimeSpan.FromMilliseconds(200)) is { } late)
            published.Add(JsonNode.Parse(late.Clef)!.AsObject());

        var rows = Orders(Stored.SqliteRows(db)).ToList();
        Assert.That(rows, Has.Count.EqualTo(expected));
        Assert.That(rows.Select(r => r.Root), Is.All.EqualTo(root));
        var keys = rows.Select(r => r.TaskKey).ToList();
        Assert.That(keys.Distinct().Count(), Is.EqualTo(expected), "every event's key is its own");
        var events = rows.Where(r => r.Message!.StartsWith("Event ")).ToList();
        Assert.That(events.Select(r => r.Message), Is.EquivalentTo(Enumerable.Range(0, 200).Select(n => $"Event {n}")));
        Assert.That(events.Where(r => r.TaskKey!.EndsWith(root)).Count(), Is.EqualTo(100), "in the root task");
        Assert.That(events.Where(r => r.TaskKey!.EndsWith(root + "/1")).Count(), Is.EqualTo(100), "in the subtask");
        // Same multiset of distinct keys in every store: each event exactly once.
        Assert.That(TaskKeys(Orders(Stored.ClefLines(folder.Combine("logs")))), Is.EquivalentTo(keys), "file");
        Assert.That(TaskKeys(Orders(RedisStream.Read(redis, RedisKey))), Is.EquivalentTo(keys), "redis");
        Assert.That(TaskKeys(Orders(published)), Is.EquivalentTo(keys), "publish");
    }

    static IEnumerable<StoredRow> Orders(IEnumerable<StoredRow> rows) => rows.Where(r => r.Application == "orders");

    static IEnumerable<JsonObject> Orders(IEnumerable<JsonObject> lines) => lines.Where(l => (string?)l["Application"] == "orders");

    static IEnumerable<string?> TaskKeys(IEnumerable<JsonObject> lines) => lines.Select(l => (string?)l["TaskKey"]);
}
