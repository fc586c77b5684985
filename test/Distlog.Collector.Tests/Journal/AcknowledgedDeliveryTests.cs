using Distlog.Collector.Tests.Support;
using Serilog;
using Serilog.Debugging;

namespace Distlog.Collector.Tests.Journal;

/// <summary>
/// The real sink in this process, a real distlogd child with the journal on (the default), stopped mid-stream and
/// started again: every numbered event reaches the file, the SQLite store and a Redis stream exactly once.
/// </summary>
public sealed class AcknowledgedDeliveryTests
{
    // DISTLOG_DELIVERY_EVENTS raises it for soak runs (the issue's target is 1M, ten runs each).
    static readonly int Count = int.TryParse(Environment.GetEnvironmentVariable("DISTLOG_DELIVERY_EVENTS"), out var count) ? count : 200_000;
    static readonly TimeSpan Patience = TimeSpan.FromSeconds(120);

    [TestCase(true, TestName = "KillDashNineOfTheCollectorMidStreamLosesNoEventAndDuplicatesNone")]
    [TestCase(false, TestName = "SigtermOfTheCollectorMidStreamLosesNoEventAndDuplicatesNone")]
    public void StoppingTheCollectorMidStreamLosesNoEventAndDuplicatesNone(bool kill)
    {
        var lastStderr = "";
        using var folder = new TempFolder();
        using var redis = RedisServer.Start();
        var ingest = FreePort.Endpoint();
        var control = FreePort.Endpoint();
        var yaml = Some.Yaml(ingest,
            "sink: file\nargs: { path: logs/events.clef, rollingInterval: Infinite }",
            "sink: sqlite\nargs: { path: logs/distlog.db }",
            $"sink: redis\nargs: {{ server: \"{redis.Address}\", key: numbered, maxLength: null }}") + $"control:\n  endpoint: \"{control}\"\n";
        var collector = CollectorProcess.StartReady(folder, yaml);
        var selfLog = new List<string>();
        SelfLog.Enable(m => { lock (selfLog) selfLog.Add(m); });
        try
        {
            using (var logger = new LoggerConfiguration()
                .WriteTo.Distlog(ingest, controlEndpoint: control, application: "numbered", whenFull: DistlogWhenFull.Block,
                    flushTimeout: Patience)
                .CreateLogger())
            {
                for (var i = 0; i < Count; i++)
                {
                    if (i == Count / 2)
                    {
                        if (kill)
                            collector.Kill();
                        else
                            Assert.That(collector.Terminate(), Is.Zero, collector.Stderr);
                        lastStderr += collector.Stderr + "\n-- restarted --\n";
                        collector.Dispose();
                        collector = CollectorProcess.StartReady(folder, yaml);
                    }
                    logger.Information("Event {N}", i);
                }
            }
            // SQLite stores ~100k events/s and may still be catching up from the journal; a SIGTERM now would leave the
            // rest for the next start (after 10 s of draining), which is not what this test looks at.
            Assert.That(Eventually.Holds(() => Stored.SqliteCount(folder.Combine("logs/distlog.db")) >= Count, Patience), Is.True,
                "SQLite caught up:\n" + collector.Stderr);
            Assert.That(Eventually.Holds(() => StreamLength(redis) >= Count, Patience), Is.True, "Redis caught up:\n" + collector.Stderr);
            Assert.That(collector.Terminate(), Is.Zero, collector.Stderr);
            lastStderr += collector.Stderr;
        }
        finally
        {
            SelfLog.Disable();
            collector.Dispose();
        }

        lock (selfLog)
            Assert.That(selfLog, Has.None.Contains("not delivered"), string.Join("\n", selfLog));
        var expected = Enumerable.Range(0, Count).Select(i => (long)i).ToList();
        var inFile = Stored.Numbers(Stored.ClefLines(folder.Combine("logs")));
        Assert.That(inFile.Order().ToList(), Is.EqualTo(expected), "the file holds every event once: " + Differences(inFile) + "\n" + lastStderr);
        var inSqlite = Stored.SqliteRows(folder.Combine("logs/distlog.db")).Select(r => (long)System.Text.Json.Nodes.JsonNode.Parse(r.Clef)!["N"]!).ToList();
        Assert.That(inSqlite.Order().ToList(), Is.EqualTo(expected), "the SQLite store holds every event once: " + Differences(inSqlite) + "\n" + lastStderr);
        var inRedis = Stored.Numbers(RedisStream.Read(redis, "numbered"));
        Assert.That(inRedis.Order().ToList(), Is.EqualTo(expected), "the Redis stream holds every event once: " + Differences(inRedis) + "\n" + lastStderr);
    }

    static long StreamLength(RedisServer redis)
    {
        using var connection = redis.Connect();
        return connection.Execute("XLEN", "numbered").Integer;
    }

    static string Differences(List<long> numbers)
    {
        var seen = numbers.GroupBy(n => n).ToDictionary(g => g.Key, g => g.Count());
        var missing = Enumerable.Range(0, Count).Where(i => !seen.ContainsKey(i)).ToList();
        var doubled = seen.Where(p => p.Value > 1).Select(p => p.Key).Order().ToList();
        return $"{missing.Count} missing (first {string.Join(", ", missing.Take(5))}), {doubled.Count} more than once (first {string.Join(", ", doubled.Take(5))})";
    }
}
