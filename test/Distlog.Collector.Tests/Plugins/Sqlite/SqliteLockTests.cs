using System.Diagnostics;
using Distlog.Collector.Tests.Support;
using Microsoft.Data.Sqlite;

namespace Distlog.Collector.Tests.Plugins.Sqlite;

/// <summary>A real distlogd whose SQLite database another process's connection holds locked for a while.</summary>
public sealed class SqliteLockTests
{
    const int Events = 20_000;
    static readonly TimeSpan Locked = TimeSpan.FromSeconds(8);

    [Test]
    public void ADatabaseLockedForSecondsIsReportedAtOnceAndLosesAndDuplicatesNothing()
    {
        using var folder = new TempFolder();
        var ingest = FreePort.Endpoint();
        // A small queue: the plugin falls behind during the lock and catches up from the journal.
        using var collector = CollectorProcess.StartReady(folder,
            Some.Yaml(ingest, "sink: sqlite\nqueueCapacity: 1000\nargs: { path: logs/distlog.db }"), "--stats-interval", "200ms");
        using (var blocker = new SqliteConnection($"Data Source={folder.Combine("logs", "distlog.db")};Pooling=false"))
        {
            blocker.Open();
            using (var begin = blocker.CreateCommand())
            {
                begin.CommandText = "BEGIN EXCLUSIVE";
                begin.ExecuteNonQuery();
            }
            var locked = Stopwatch.StartNew();
            using (var pusher = new Pusher(ingest))
            {
                for (var n = 0; n < Events; n += 1000)
                    pusher.SendBatch(Enumerable.Range(n, 1000).Select(i => Some.ClefLine(i)));
            }

            Assert.That(collector.WaitForStderr("Plugin sqlite failed to write", Locked), Is.True, "warned while still locked:\n" + collector.Stderr);
            TestContext.Out.WriteLine($"the first warning came {locked.Elapsed.TotalSeconds:0.0} s after the lock");
            Assert.That(locked.Elapsed, Is.LessThan(TimeSpan.FromSeconds(5)), "a warning within 5 s");
            while (locked.Elapsed < Locked)
                Thread.Sleep(100);
            using var rollback = blocker.CreateCommand();
            rollback.CommandText = "ROLLBACK";
            rollback.ExecuteNonQuery();
        }

        Assert.That(Eventually.Holds(() => Stored.SqliteRows(folder.Combine("logs", "distlog.db")).Count >= Events), Is.True, collector.Stderr);
        Assert.That(collector.Terminate(), Is.Zero, collector.Stderr);
        var numbers = Stored.SqliteRows(folder.Combine("logs", "distlog.db")).Select(r => r.Message).ToList();
        Assert.That(numbers, Is.EqualTo(Enumerable.Range(0, Events).Select(i => $"Event {i}")), "every event once, in order");
        Assert.That(collector.Stderr, Does.Match(@"Shutdown: .*sqlite: delivered 20000, filtered 0, dropped 0"));
    }
}
