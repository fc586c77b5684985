using System.Globalization;
using System.Text.RegularExpressions;
using Distlog.Collector.Tests.Support;

namespace Distlog.Collector.Tests;

/// <summary>
/// distlogd with the file and redis plugins while redis-server is killed (SIGKILL) mid-stream and started again on
/// the same port: bursts 1 and 3 are sent while it is dead.
/// </summary>
public sealed class RedisOutageTests
{
    const int Bursts = 5;
    const int BurstSize = 2_000;
    const int Total = Bursts * BurstSize;
    const int BatchSize = 1_000; // the plugin's default: what one failing attempt holds out of its queue
    const string Key = "distlog";
    static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);

    static readonly Regex Stats = new(@"Stats: received \d+ messages, accepted \d+ events, rejected 0; " +
        @"file: delivered (?<file>\d+), filtered 0, dropped 0, queued 0, behind \d+; " +
        @"redis: delivered (?<delivered>\d+), filtered 0, dropped (?<dropped>\d+), queued (?<queued>\d+)");
    static readonly Regex Summary = new(@"Shutdown: received \d+ messages, accepted (?<accepted>\d+) events, rejected 0; " +
        @"file: delivered (?<file>\d+), filtered 0, dropped (?<fileDropped>\d+), queued 0, behind \d+; " +
        @"redis: delivered (?<delivered>\d+), filtered 0, dropped (?<dropped>\d+), queued 0");

    [Test]
    public void AfterRedisIsKilledMidStreamAndRestartedTheRedisPluginResumesAndTheFilePluginMissesNothing()
    {
        using var folder = new TempFolder();
        // An append-only file fsynced before each reply: what Redis acknowledged survives the kill, so the stream at
        // the end shows everything the plugin wrote before, during and after the outages.
        using var redis = RedisServer.Start(dataFolder: Directory.CreateDirectory(folder.Combine("redis")).FullName);
        var ingest = FreePort.Endpoint();
        using var collector = CollectorProcess.StartReady(folder, Some.Yaml(ingest,
            "sink: file\nargs: { path: logs/events.clef, rollingInterval: Infinite }",
            $"sink: redis\nargs: {{ server: \"{redis.Address}\", key: {Key}, maxLength: null }}"),
            "--stats-interval", "100ms");
        using var pusher = new Pusher(ingest);

        SendBurst(pusher, 0);
        AssertRedisCatchesUp(redis, collector, 1 * BurstSize);
        redis.Kill(); // under the plugin's idle connection
        SendBurst(pusher, 1);
        AssertFileKeepsUpWhileRedisIsDown(folder, collector, 2 * BurstSize);
        AssertRedisEventsWaitInTheQueue(collector, 2 * BurstSize);
        redis.Restart();
        AssertRedisCatchesUp(redis, collector, 2 * BurstSize);

        SendBurst(pusher, 2);
        WaitUntilTheStreamGrowsPast(redis, 2 * BurstSize);
        redis.Kill(); // most likely while the plugin is writing the rest of burst 2
        SendBurst(pusher, 3);
        AssertFileKeepsUpWhileRedisIsDown(folder, collector, 4 * BurstSize);
        AssertRedisEventsWaitInTheQueue(collector, 4 * BurstSize);
        redis.Restart();
        AssertRedisCatchesUp(redis, collector, 4 * BurstSize);

        SendBurst(pusher, 4);
        AssertRedisCatchesUp(redis, collector, Total);
        Assert.That(collector.Terminate(), Is.Zero, collector.Stderr);

        var expected = Enumerable.Range(0, Total).Select(n => (long)n).ToList();
        var lines = Stored.ClefLines(folder.Combine("logs"));
        Assert.That(Stored.Numbers(lines), Is.EqualTo(expected), "file: every event once, in order");
        var stream = RedisStream.Read(redis, Key);
        var inRedis = Stored.Numbers(stream);
        // Exactly once (docs/redis.md): a batch is applied with its journal position or not at all, and a retry skips
        // what the position says Redis has.
        Assert.That(inRedis, Is.EqualTo(expected), "redis: every event once, in order");
        Assert.That(stream.Select(e => (string?)e["TaskKey"]), Is.EqualTo(inRedis.Select(Some.TaskKey)), "redis task keys");

        AssertRetriesAndDrops(collector.Stderr);
    }

    static void SendBurst(Pusher pusher, int burst)
    {
        for (var n = burst * BurstSize; n < (burst + 1) * BurstSize; n += 100)
            pusher.SendBatch(Enumerable.Range(n, 100).Select(i => Some.ClefLine(i, taskKey: Some.TaskKey(i))));
    }

    /// <summary>Every event sent so far is in the stream at least once: the plugin resumed, with what waited in its queue.</summary>
    static void AssertRedisCatchesUp(RedisServer redis, ChildProcess collector, int sent) =>
        Assert.That(Eventually.Holds(() => Stored.Numbers(RedisStream.Read(redis, Key)).Distinct().Count() == sent, Wait), Is.True,
            $"the redis plugin did not catch up with {sent} events:\n{collector.Stderr}");

    static void WaitUntilTheStreamGrowsPast(RedisServer redis, int length)
    {
        using var connection = redis.Connect();
        var deadline = DateTime.UtcNow + Wait;
        // No sleep: the plugin writes a burst in a few milliseconds.
        while (connection.Execute("XLEN", Key).Integer <= length)
            Assert.That(DateTime.UtcNow, Is.LessThan(deadline), "the redis plugin wrote nothing of the burst");
    }

    static void AssertFileKeepsUpWhileRedisIsDown(TempFolder folder, ChildProcess collector, int sent) =>
        Assert.That(Eventually.Holds(() => Stored.ClefLines(folder.Combine("logs")).Count == sent, Wait), Is.True,
            $"the file plugin stalled at {Stored.ClefLines(folder.Combine("logs")).Count} of {sent} while redis was down:\n{collector.Stderr}");

    /// <summary>
    /// A stats line after the burst: the file plugin delivered everything; the redis plugin holds what it has not
    /// delivered in its queue, besides the one batch it keeps retrying, and dropped none.
    /// </summary>
    static void AssertRedisEventsWaitInTheQueue(ChildProcess collector, int sent)
    {
        var sentText = sent.ToString(CultureInfo.InvariantCulture);
        // The ingest thread offers each event to file, then to redis: wait until redis has been offered them all too.
        Assert.That(Eventually.Holds(() => collector.LastStderrMatch(Stats) is { } line && line.Groups["file"].Value == sentText
            && Count(line, "delivered") + Count(line, "queued") >= sent - BatchSize, Wait), Is.True, collector.Stderr);
        var stats = collector.LastStderrMatch(Stats)!;
        Assert.That(Count(stats, "queued"), Is.GreaterThan(0), stats.Value);
        Assert.That(Count(stats, "delivered") + Count(stats, "queued"), Is.LessThan(sent), $"delivered + queued + one failing batch = sent: {stats.Value}");
        Assert.That(stats.Groups["dropped"].Value, Is.EqualTo("0"), stats.Value);
    }

    static void AssertRetriesAndDrops(string stderr)
    {
        var summary = Summary.Match(stderr);
        Assert.That(summary.Success, Is.True, stderr);
        var total = Total.ToString(CultureInfo.InvariantCulture);
        Assert.That(summary.Groups["accepted"].Value, Is.EqualTo(total), summary.Value);
        Assert.That(summary.Groups["file"].Value, Is.EqualTo(total), summary.Value);
        Assert.That(summary.Groups["fileDropped"].Value, Is.EqualTo("0"), summary.Value);
        Assert.That(summary.Groups["delivered"].Value, Is.EqualTo(total), "a retried batch counts once: " + summary.Value);
        Assert.That(summary.Groups["dropped"].Value, Is.EqualTo("0"), "the queue held everything: " + summary.Value);

        // One failing batch per outage: its first failure is reported, then its recovery.
        const int outages = Bursts / 2;
        Assert.That(Regex.Matches(stderr, @"Plugin ""?redis""? failed to write \d+ events; retrying"), Has.Count.EqualTo(outages), stderr);
        var recoveries = Regex.Matches(stderr, @"Plugin ""?redis""? recovered after (\d+) failed attempts");
        Assert.That(recoveries, Has.Count.EqualTo(outages), stderr);
        Assert.That(recoveries.Select(m => int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture)), Is.All.GreaterThan(0));
        Assert.That(Regex.IsMatch(stderr, @"Plugin ""?file""? failed"), Is.False, "the file plugin never failed");
    }

    static long Count(Match stats, string group) => long.Parse(stats.Groups[group].Value, CultureInfo.InvariantCulture);
}
