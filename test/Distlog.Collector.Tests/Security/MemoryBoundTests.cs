using System.Text;
using Distlog.Collector.Tests.Support;
using Distlog.Transport;

namespace Distlog.Collector.Tests.Security;

/// <summary>
/// One hostile remote client against a real distlogd child process with the default plugins (sqlite, publish): its
/// peak resident memory (VmHWM) stays under the bounds docs/security.md states. Before the bounds, the same floods took
/// distlogd to several GB.
/// </summary>
[NonParallelizable]
public sealed class MemoryBoundTests
{
    const long MiB = 1024 * 1024;

    [Test]
    public void ASubscriberWithAHundredThousandDistinctPrefixesLeavesDistlogdUnder512MiB()
    {
        using var folder = new TempFolder();
        var ingest = FreePort.Endpoint();
        var publish = FreePort.Endpoint();
        using var collector = CollectorProcess.StartReady(folder, DefaultPlugins(ingest, publish));
        var padding = new string('x', 188);

        // Events keep coming meanwhile, as on a live collector, so that the publish socket is busy.
        using (var pusher = new Pusher(ingest))
        using (var flood = ZmqContext.Shared.CreateSocket(ZmqSocketType.Sub))
        {
            flood.Connect(publish);
            for (var i = 0; i < 100_000; i++)
            {
                flood.Subscribe(Encoding.ASCII.GetBytes($"{i:D12}{padding}"));
                if (i % 1000 == 0)
                    pusher.SendBatch([Some.ClefLine(i)]);
            }
            for (var i = 0; i < 30; i++)
            {
                pusher.SendBatch([Some.ClefLine(i)]);
                Thread.Sleep(100);
            }
        }

        var peak = collector.PeakResidentBytes;
        TestContext.Out.WriteLine($"distlogd peak RSS: {peak / MiB} MiB");
        Assert.That(peak, Is.LessThan(512 * MiB));
        Assert.That(collector.Stderr, Does.Contain("Publish: disconnected subscriber 127.0.0.1:"));
        Assert.That(collector.Terminate(), Is.Zero);
    }

    [Test]
    public void AFloodOfTwoMegabyteEventsWithAStalledSubscriberLeavesDistlogdUnder1GiB()
    {
        using var folder = new TempFolder();
        var ingest = FreePort.Endpoint();
        var publish = FreePort.Endpoint();
        using var collector = CollectorProcess.StartReady(folder, DefaultPlugins(ingest, publish));
        using var stalled = ZmqContext.Shared.CreateSocket(ZmqSocketType.Sub);
        stalled.ReceiveHighWatermark = 1;
        stalled.Subscribe("");
        stalled.Connect(publish);
        var filler = new string('x', 2_000_000);

        using (var pusher = new Pusher(ingest))
        {
            for (var i = 0; i < 1500; i++)
                pusher.Send("PLC", $$"""{"@t":"2024-05-01T12:00:00.0000000Z","@mt":"Big {N}","N":{{i}},"Application":"flood","Filler":"{{filler}}"}""");
            // Open until all arrived: ingest writes each 2 MB event to the journal first, slower than the pusher sends,
            // and closing the pusher would discard what still waits in it after its linger.
            Assert.That(Eventually.Holds(() => collector.Stderr.Contains("received 1500 messages", StringComparison.Ordinal), TimeSpan.FromSeconds(180)),
                Is.True, collector.Stderr);
        }

        var peak = collector.PeakResidentBytes;
        TestContext.Out.WriteLine($"distlogd peak RSS: {peak / MiB} MiB");
        Assert.That(peak, Is.LessThan(1024 * MiB));
        Assert.That(collector.Terminate(), Is.Zero);
    }

    static string DefaultPlugins(string ingest, string publish) =>
        $"ingest:\n  endpoints: [\"{ingest}\"]\nstats:\n  interval: 1s\nplugins:\n" +
        $"  - sink: sqlite\n    args: {{ path: logs/distlog.db }}\n  - sink: publish\n    args: {{ endpoint: \"{publish}\" }}\n";
}
