using System.Diagnostics;
using Distlog.Cli.Tests.Support;

namespace Distlog.Cli.Tests;

public sealed class ExecutableTests
{
    [Test]
    public void AMissingFileExitsWithOneAndOneLineOnStandardError()
    {
        var result = DistlogProcess.Run("", "print", "/no/such/events.clef");
        Assert.That(result.ExitCode, Is.EqualTo(1));
        Assert.That(result.Error, Is.EqualTo("distlog: cannot read '/no/such/events.clef': no such file\n"));
        Assert.That(result.Output, Is.Empty);
    }

    [Test]
    public void ABadOptionExitsWithTwo()
    {
        var result = DistlogProcess.Run("", "print", "--level", "loud");
        Assert.That(result.ExitCode, Is.EqualTo(2));
        Assert.That(result.Error, Does.StartWith("distlog: 'loud' is not a level"));
        Assert.That(result.Error.TrimEnd('\n'), Does.Not.Contain('\n'));
    }

    [Test]
    public void PrintAndTreeWriteUtf8ToARealStandardOutput()
    {
        var print = DistlogProcess.Run("", "print", TestFiles.ImportTaskClef, "--level", "Error");
        Assert.That(print.ExitCode, Is.EqualTo(0), print.ToString());
        Assert.That(print.Output, Is.EqualTo(
            "[10:00:01 ERR] Import \"orders.csv\" ⇒ failed\nSystem.InvalidOperationException: checksum mismatch\n" +
            "   at Importer.Verify(String file)\n   at Importer.Run()\n" +
            "[10:00:00 ERR] Store 17 rows ⇒ failed\nSystem.IO.IOException: disk full\n   at Worker.Store()\n"));

        var tree = DistlogProcess.Run(File.ReadAllText(TestFiles.ImportTaskClef), "tree");
        Assert.That(tree.Output, Is.EqualTo(TestFiles.Read("Rendering", "Expected", "import-task.txt")));
    }

    [Test]
    public void SendDeliversEveryEventBeforeTheProcessExits()
    {
        using var collector = new IngestPeer();
        var lines = Enumerable.Range(0, 2000).Select(i => ClefText.Line("Event {N}", properties: [("N", i)])).ToArray();

        var result = DistlogProcess.Run(string.Join("\n", lines), "send", "--endpoint", collector.Endpoint);

        Assert.That(result.ExitCode, Is.EqualTo(0), result.ToString());
        Assert.That(result.Output, Is.EqualTo($"Sent 2000 events to {collector.Endpoint}\n"));
        Assert.That(collector.ReceiveAll().SelectMany(m => m.Payload.Split('\n')), Is.EqualTo(lines));
    }

    [Test]
    public void TailEndsWithZeroOnCtrlC()
    {
        using var publisher = new Publisher();
        using var tail = DistlogProcess.Start("tail", "--endpoint", publisher.Endpoint, "--format", "text");
        var clock = Stopwatch.StartNew();
        while (!tail.Stdout.Contains("hello", StringComparison.Ordinal))
        {
            Assert.That(clock.Elapsed, Is.LessThan(TimeSpan.FromSeconds(20)), tail.Stderr);
            publisher.Publish("PLC/Information/orders", ClefText.Line("hello"));
            Thread.Sleep(50);
        }

        tail.Interrupt();
        Assert.That(tail.WaitForExit(TimeSpan.FromSeconds(10)), Is.EqualTo(0), tail.Stderr);
        Assert.That(tail.StdoutLines[0], Is.EqualTo("[10:00:00 INF] hello"));
    }
}
