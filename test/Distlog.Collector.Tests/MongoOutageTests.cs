using System.Globalization;
using System.Text.RegularExpressions;
using Distlog.Collector.Tests.Support;
using MongoDB.Bson;
using MongoDB.Driver;

namespace Distlog.Collector.Tests;

/// <summary>
/// distlogd with the file and mongodb plugins while jongodb is killed (SIGKILL) and started again on the same port.
/// jongodb keeps its data in memory, so what it stored before the kill is gone with it; what the test checks is the
/// plugin's side: every event sent from the kill on (held in its queue meanwhile) arrives after the restart, once.
/// </summary>
public sealed class MongoOutageTests
{
    const int BurstSize = 2_000;
    const string Database = "distlog";
    const string Collection = "events";
    static readonly TimeSpan Wait = TimeSpan.FromSeconds(20);

    static readonly Regex Summary = new(@"Shutdown: received \d+ messages, accepted (?<accepted>\d+) events, rejected 0; " +
        @"file: delivered (?<file>\d+), filtered 0, dropped 0, queued 0, behind \d+; " +
        @"mongo: delivered (?<delivered>\d+), filtered 0, dropped (?<dropped>\d+), queued 0");

    [Test]
    public void AfterTheServerIsKilledAndRestartedTheMongodbPluginDeliversWhatWaitedInItsQueue()
    {
        using var folder = new TempFolder();
        using var server = JongodbServer.Start();
        var ingest = FreePort.Endpoint();
        using var collector = CollectorProcess.StartReady(folder, Some.Yaml(ingest,
            "sink: file\nargs: { path: logs/events.clef, rollingInterval: Infinite }",
            $"name: mongo\nsink: mongodb\nargs: {{ connectionString: \"{server.ConnectionString}\", database: {Database}, collection: {Collection} }}"));
        using var pusher = new Pusher(ingest);
        var events = server.Collection(Database, Collection);

        SendBurst(pusher, 0);
        AssertStored(events, collector, Enumerable.Range(0, BurstSize));
        server.Kill();
        SendBurst(pusher, 1);
        Assert.That(Eventually.Holds(() => Stored.ClefLines(folder.Combine("logs")).Count == 2 * BurstSize, Wait), Is.True,
            "the file plugin kept up while the server was down:\n" + collector.Stderr);
        Assert.That(Eventually.Holds(() => Regex.IsMatch(collector.Stderr, @"Plugin ""?mongo""? failed to write \d+ events; retrying"), Wait), Is.True,
            "the plugin reports the failure:\n" + collector.Stderr);
        server.Restart();
        AssertStored(events, collector, Enumerable.Range(BurstSize, BurstSize));
        SendBurst(pusher, 2);
        AssertStored(events, collector, Enumerable.Range(BurstSize, 2 * BurstSize));
        Assert.That(collector.Terminate(), Is.Zero, collector.Stderr);

        var summary = Summary.Match(collector.Stderr);
        Assert.That(summary.Success, Is.True, collector.Stderr);
        var total = (3 * BurstSize).ToString(CultureInfo.InvariantCulture);
        Assert.That(summary.Groups["accepted"].Value, Is.EqualTo(total), summary.Value);
        Assert.That(summary.Groups["delivered"].Value, Is.EqualTo(total), "a retried batch counts once: " + summary.Value);
        Assert.That(summary.Groups["dropped"].Value, Is.EqualTo("0"), summary.Value);
        Assert.That(collector.Stderr, Does.Match(@"Plugin ""?mongo""? recovered after \d+ failed attempts"));
    }

    static void SendBurst(Pusher pusher, int burst)
    {
        for (var n = burst * BurstSize; n < (burst + 1) * BurstSize; n += 100)
            pusher.SendBatch(Enumerable.Range(n, 100).Select(i => Some.ClefLine(i, taskKey: Some.TaskKey(i))));
    }

    /// <summary>The collection holds exactly <paramref name="expected"/>, each once.</summary>
    static void AssertStored(IMongoCollection<BsonDocument> events, ChildProcess collector, IEnumerable<int> expected)
    {
        var want = expected.ToList();
        List<int> Numbers() => events.Find(FilterDefinition<BsonDocument>.Empty).ToList().Select(d => d["N"].AsInt32).Order().ToList();
        Eventually.Holds(() => Numbers().Count >= want.Count, Wait);
        Assert.That(Numbers(), Is.EqualTo(want), collector.Stderr);
    }
}
