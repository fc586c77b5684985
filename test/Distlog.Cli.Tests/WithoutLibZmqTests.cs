using Distlog.Cli.Tests.Support;

namespace Distlog.Cli.Tests;

/// <summary>
/// The library and <c>distlog send</c> on a machine without libzmq: run where it cannot load (<see cref="WithoutLibZmq"/>),
/// they send with NetMQ to a real distlogd (on libzmq), and every event arrives.
/// </summary>
public sealed class WithoutLibZmqTests
{
    static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    // What Distlog.Demo logs: the order import's task tree in one process, the billing subtask in a second one.
    const int DemoOrderEvents = 17;
    const int DemoBillingEvents = 3;

    [Test]
    public void TheDemoAppDeliversItsWholeTaskTreeWhereLibzmqCannotLoad()
    {
        using var folder = new TempFolder();
        using (var collector = SqliteCollector.Start(folder, out var endpoint))
        {
            using (var demo = WithoutLibZmq.Run(Path.Combine(AppContext.BaseDirectory, "Distlog.Demo.dll"), null, [], "--endpoint", endpoint))
                Assert.That(demo.WaitForExit(Patience), Is.Zero, demo.Stderr);
            Stop(collector);
        }

        var db = folder.Combine("distlog.db");
        Assert.That(CliRun.Run("query", "--db", db, "--app", "demo-orders", "--format", "clef").OutputLines, Has.Length.EqualTo(DemoOrderEvents));
        Assert.That(CliRun.Run("query", "--db", db, "--app", "demo-billing", "--format", "clef").OutputLines, Has.Length.EqualTo(DemoBillingEvents));
    }

    [Test]
    public void DistlogSendDeliversEveryEventWhereLibzmqCannotLoad()
    {
        using var folder = new TempFolder();
        var lines = File.ReadAllLines(TestFiles.ImportTaskClef).Count(l => l.Trim().Length > 0);
        using (var collector = SqliteCollector.Start(folder, out var endpoint))
        {
            using (var send = WithoutLibZmq.Run(TestFiles.Path("distlog.dll"), null, [], "send", "--endpoint", endpoint, TestFiles.ImportTaskClef))
                Assert.That(send.WaitForExit(Patience), Is.Zero, send.Stderr);
            Stop(collector);
        }

        Assert.That(CliRun.Run("query", "--db", folder.Combine("distlog.db"), "--format", "clef").OutputLines, Has.Length.EqualTo(lines));
    }

    [Test]
    public void WhereLibzmqCannotLoadForcingItFailsWithHowToInstallIt()
    {
        // The control: the children above really ran without libzmq.
        using var send = WithoutLibZmq.Run(TestFiles.Path("distlog.dll"), null, [KeyValuePair.Create("DISTLOG_TRANSPORT", "LibZmq")],
            "send", "--endpoint", "tcp://127.0.0.1:9", TestFiles.ImportTaskClef);

        Assert.That(send.WaitForExit(Patience), Is.Not.Zero);
        Assert.That(send.Stderr, Does.Contain("libzmq.so.5 was not found: install the Debian package libzmq5"));
    }

    static void Stop(ChildProcess collector)
    {
        // SIGTERM: the collector stops ingest, drains its queues into the store and exits 0.
        Assert.That(collector.Terminate(Patience), Is.Zero, collector.Stderr);
    }
}
