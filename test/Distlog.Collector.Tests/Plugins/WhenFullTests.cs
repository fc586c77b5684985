using System.Text.RegularExpressions;
using Distlog.Collector.Tests.Support;

namespace Distlog.Collector.Tests.Plugins;

/// <summary>A real distlogd whose sqlite plugin has a tiny queue, fed a burst faster than SQLite stores it.</summary>
public sealed class WhenFullTests
{
    const int Events = 20_000;
    static readonly Regex SqliteDropped = new(@"Shutdown: .*sqlite: delivered (\d+), filtered 0, dropped (\d+)");

    [Test]
    public void WithWhenFullBlockTheStoreGetsEveryEventOfABurstItsQueueCannotHold()
    {
        var (rows, delivered, dropped) = Burst("block");

        Assert.That(dropped, Is.Zero);
        Assert.That(delivered, Is.EqualTo(Events));
        Assert.That(rows, Is.EqualTo(Enumerable.Range(0, Events).Select(i => $"Event {i}")), "every event once, in order");
    }

    [Test]
    public void WithTheJournalTheStoreReadsWhatItsQueueCannotHoldFromTheJournalAndDropsNothing()
    {
        var (rows, delivered, dropped) = Burst(whenFull: null);

        Assert.That(dropped, Is.Zero);
        Assert.That(delivered, Is.EqualTo(Events));
        Assert.That(rows, Is.EqualTo(Enumerable.Range(0, Events).Select(i => $"Event {i}")), "every event once, in order");
    }

    [Test]
    public void WithoutTheJournalTheStoreDropsWhatItsQueueCannotHoldAndCountsIt()
    {
        var (rows, delivered, dropped) = Burst(whenFull: null, journal: false);

        Assert.That(dropped, Is.GreaterThan(0));
        Assert.That(delivered + dropped, Is.EqualTo(Events));
        Assert.That(rows, Has.Count.EqualTo(delivered));
    }

    static (List<string?> Rows, long Delivered, long Dropped) Burst(string? whenFull, bool journal = true)
    {
        using var folder = new TempFolder();
        var ingest = FreePort.Endpoint();
        var plugin = "sink: sqlite\nqueueCapacity: 50\nbatchSize: 10\nargs: { path: logs/distlog.db }" +
            (whenFull is null ? "" : $"\nwhenFull: {whenFull}");
        using var collector = CollectorProcess.StartReady(folder, Some.Yaml(ingest, plugin) + "stats:\n  interval: 200ms\n" +
            (journal ? "" : "journal:\n  enabled: false\n"));
        using (var pusher = new Pusher(ingest))
        {
            for (var n = 0; n < Events; n += 100)
                pusher.SendBatch(Enumerable.Range(n, 100).Select(i => Some.ClefLine(i)));
        }

        // Everything is received once a summary line counts it; only then is stopping not a loss of its own.
        Assert.That(Eventually.Holds(() => collector.Stderr.Contains($"accepted {Events} events")), Is.True, collector.Stderr);
        Assert.That(collector.Terminate(), Is.Zero, collector.Stderr);
        var summary = SqliteDropped.Match(collector.Stderr);
        Assert.That(summary.Success, Is.True, collector.Stderr);
        var rows = Stored.SqliteRows(folder.Combine("logs", "distlog.db")).Select(r => r.Message).ToList();
        return (rows, long.Parse(summary.Groups[1].Value), long.Parse(summary.Groups[2].Value));
    }
}
