using System.Text.RegularExpressions;
using Distlog.Collector.Tests.Support;

namespace Distlog.Collector.Tests;

public sealed class ShutdownTests
{
    static readonly Regex Summary = new(@"Shutdown: received (\d+) messages, accepted (\d+) events, rejected 0; file: delivered (\d+), filtered 0, dropped (\d+), queued 0");

    [Test]
    public void SigtermUnderLoadExitsZeroWithEveryAcceptedEventInTheFile()
    {
        using var folder = new TempFolder();
        var ingest = FreePort.Endpoint();
        using var collector = CollectorProcess.StartReady(folder, Some.Yaml(ingest,
            "sink: file\nqueueCapacity: 10000000\nargs: { path: logs/events.clef, rollingInterval: Infinite }"));
        using var stop = new CancellationTokenSource();
        var sent = 0;
        var sender = Task.Run(() =>
        {
            using var pusher = new Pusher(ingest);
            for (var n = 0; !stop.IsCancellationRequested; n += 100)
            {
                pusher.SendBatch(Enumerable.Range(n, 100).Select(i => Some.ClefLine(i, taskKey: Some.TaskKey(i))));
                sent = n + 100;
                Thread.Sleep(1);
            }
        });
        Assert.That(Eventually.Holds(() => Volatile.Read(ref sent) >= 20_000), Is.True, "the sender is stuck");

        var exitCode = collector.Terminate();
        stop.Cancel();
        sender.Wait();

        Assert.That(exitCode, Is.Zero, collector.Stderr);
        var summary = Summary.Match(collector.Stderr);
        Assert.That(summary.Success, Is.True, collector.Stderr);
        var accepted = long.Parse(summary.Groups[2].Value);
        Assert.That(accepted, Is.GreaterThan(0));
        Assert.That(summary.Groups[3].Value, Is.EqualTo(summary.Groups[2].Value), "delivered == accepted");
        Assert.That(summary.Groups[4].Value, Is.EqualTo("0"), "dropped");
        var numbers = Stored.Numbers(Stored.ClefLines(folder.Combine("logs")));
        Assert.That(numbers, Is.EqualTo(Enumerable.Range(0, (int)accepted).Select(i => (long)i)), "in order, each once");
    }
}
