using System.Text.RegularExpressions;
using Distlog.Collector.Tests.Support;

namespace Distlog.Collector.Tests.Ingest;

public sealed class FuzzTests
{
    const int Count = 10_000;
    static readonly Regex Stats = new(@"Stats: received (\d+) messages, accepted (\d+) events, rejected (\d+) \(([^)]*)\)");

    [Test]
    public void TenThousandMalformedMessagesAmongTenThousandGoodOnesAreRejectedAndEveryGoodOneArrives()
    {
        using var folder = new TempFolder();
        var ingest = FreePort.Endpoint();
        var yaml = $"ingest:\n  endpoints: [\"{ingest}\"]\n  maxMessageBytes: {Malformed.MaxMessageBytes}\n"
            + "plugins:\n  - sink: sqlite\n    args: { path: logs/distlog.db }\n  - sink: file\n    args: { path: logs/events.clef, rollingInterval: Infinite }\n";
        using var collector = CollectorProcess.StartReady(folder, yaml, "--stats-interval", "1s");
        var random = new Random(20240501);
        var expectedReasons = new Dictionary<string, int>();

        using (var pusher = new Pusher(ingest))
        {
            for (var i = 0; i < Count; i++)
            {
                pusher.SendBatch([Some.ClefLine(i, taskKey: Some.TaskKey(i))]);
                var (frames, reason) = Malformed.Message(i, random);
                pusher.SendFrames(frames);
                expectedReasons[reason] = expectedReasons.GetValueOrDefault(reason) + 1;
            }
        }

        var db = folder.Combine("logs", "distlog.db");
        Assert.That(Eventually.Holds(() => Stored.SqliteRows(db).Count >= Count, TimeSpan.FromSeconds(90)), Is.True, collector.Stderr);
        Assert.That(Eventually.Holds(() => collector.LastStderrMatch(Stats)?.Groups[1].Value == (2 * Count).ToString()), Is.True, collector.Stderr);
        var stats = collector.LastStderrMatch(Stats)!;

        var rows = Stored.SqliteRows(db);
        Assert.That(rows.Select(r => r.Message).Distinct().Count(), Is.EqualTo(Count));
        Assert.That(rows, Has.Count.EqualTo(Count));
        Assert.That(Stored.Numbers(Stored.ClefLines(folder.Combine("logs"))), Is.EquivalentTo(Enumerable.Range(0, Count)));
        Assert.That(stats.Groups[2].Value, Is.EqualTo(Count.ToString()), "accepted");
        Assert.That(stats.Groups[3].Value, Is.EqualTo(Count.ToString()), "rejected");
        var reasons = stats.Groups[4].Value;
        foreach (var (reason, count) in expectedReasons)
            Assert.That(reasons, Does.Contain($"{reason} {count}"));

        using (var pusher = new Pusher(ingest))
            pusher.SendBatch([Some.ClefLine(Count)]);
        Assert.That(Eventually.Holds(() => Stored.SqliteRows(db).Count == Count + 1), Is.True, "the collector stopped serving");
    }
}
