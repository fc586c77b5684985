using System.Text;
using Distlog.Cli.Input;
using Distlog.Cli.Sending;
using Distlog.Cli.Tests.Support;

namespace Distlog.Cli.Tests.Sending;

public sealed class ClefSenderTests
{
    static Stream Stream(string text) => new MemoryStream(Encoding.UTF8.GetBytes(text));

    static string[] Lines(int count) => Enumerable.Range(0, count).Select(i => ClefText.Line("Event {N}", properties: [("N", i)])).ToArray();

    [Test]
    public void EventsReachAPullSocketAsTwoFrameMessagesWithTheOriginalLines()
    {
        using var collector = new IngestPeer();
        var lines = Lines(3);
        var result = new ClefSender(new SendOptions { Endpoint = collector.Endpoint }, TextWriter.Null).Send(Stream(string.Join("\r\n", lines)), "stdin");

        Assert.That(result, Is.EqualTo(new SendResult(3, 1, 0)));
        Assert.That(collector.ReceiveAll(), Is.EqualTo(new[] { ("PLC", string.Join("\n", lines)) }));
    }

    [Test]
    public void LargeInputsAreSplitIntoBatchesByCountAndSize()
    {
        using var collector = new IngestPeer();
        var lines = Lines(1200);
        var result = new ClefSender(new SendOptions { Endpoint = collector.Endpoint }, TextWriter.Null).Send(Stream(string.Join("\n", lines)), "stdin");
        var messages = collector.ReceiveAll();

        Assert.That(messages.Select(m => m.Payload.Split('\n').Length), Is.EqualTo(new[] { 500, 500, 200 }));
        Assert.That(messages.SelectMany(m => m.Payload.Split('\n')), Is.EqualTo(lines));
        Assert.That(result.Messages, Is.EqualTo(3));

        var small = new SendOptions { Endpoint = collector.Endpoint, MaxBatchBytes = lines[0].Length * 2 + 1 };
        new ClefSender(small, TextWriter.Null).Send(Stream(string.Join("\n", lines.Take(5))), "stdin");
        Assert.That(collector.ReceiveAll().Select(m => m.Payload.Split('\n').Length), Is.EqualTo(new[] { 2, 2, 1 }));
    }

    [Test]
    public void TheSystemLetterSetsTheTopic()
    {
        using var collector = new IngestPeer();
        new ClefSender(new SendOptions { Endpoint = collector.Endpoint, System = 'T' }, TextWriter.Null).Send(Stream(Lines(1)[0]), "stdin");
        Assert.That(collector.ReceiveAll().Single().Topic, Is.EqualTo("TLC"));
    }

    [Test]
    public void InvalidLinesAreSkippedAndCountedWhenIgnoredOrReported()
    {
        using var collector = new IngestPeer();
        var input = ClefText.Lines(Lines(1)[0], "garbage", "", Lines(2)[1]);
        var error = new StringWriter();
        var result = new ClefSender(new SendOptions { Endpoint = collector.Endpoint, InvalidData = InvalidDataMode.Report }, error).Send(Stream(input), "in.clef");

        Assert.That(result, Is.EqualTo(new SendResult(2, 1, 1)));
        Assert.That(error.ToString(), Does.StartWith("in.clef line 2 is not valid CLEF: "));
        Assert.That(collector.ReceiveAll().Single().Payload, Is.EqualTo(Lines(1)[0] + "\n" + Lines(2)[1]));
    }

    [Test]
    public void AnInvalidLineInFailModeStopsTheSendNamingTheLine()
    {
        using var collector = new IngestPeer();
        var sender = new ClefSender(new SendOptions { Endpoint = collector.Endpoint }, TextWriter.Null);
        var ex = Assert.Throws<CliException>(() => sender.Send(Stream(ClefText.Lines(Lines(1)[0], "{\"@t\":\"not a time\",\"@mt\":\"x\"}")), "in.clef"));
        Assert.That(ex!.Message, Does.StartWith("in.clef line 2 is not valid CLEF: "));
    }

    [Test]
    public void NoCollectorMeansAClearFailureAfterTheTimeout()
    {
        var endpoint = FreePort.Endpoint();

        var sender = new ClefSender(new SendOptions { Endpoint = endpoint, Timeout = TimeSpan.FromMilliseconds(300) }, TextWriter.Null);
        var ex = Assert.Throws<CliException>(() => sender.Send(Stream(Lines(1)[0]), "stdin"));
        Assert.That(ex!.Message, Is.EqualTo($"could not deliver to {endpoint} within 0.3 s: no collector took the events (is distlogd running? --endpoint, --timeout)"));
    }

    [Test]
    public void TheSendCommandPrintsHowManyItSent()
    {
        using var collector = new IngestPeer();
        var result = CliRun.RunAsync(["send", "--endpoint", collector.Endpoint, "--invalid-data", "ignore"], ClefText.Lines(Lines(2)[0], "x", Lines(2)[1]))
            .GetAwaiter().GetResult();

        Assert.That(result.ExitCode, Is.EqualTo(0), result.ToString());
        Assert.That(result.Output, Is.EqualTo($"Sent 2 events to {collector.Endpoint}; skipped 1 invalid line\n"));
        Assert.That(collector.ReceiveAll(), Has.Count.EqualTo(1));
    }

    [Test]
    public void AnEmptyInputSendsNothingAndSucceeds()
    {
        using var collector = new IngestPeer();
        var result = CliRun.RunAsync(["send", "--endpoint", collector.Endpoint], "\n\n").GetAwaiter().GetResult();
        Assert.That(result.Output, Is.EqualTo($"Sent 0 events to {collector.Endpoint}\n"));
        Assert.That(collector.ReceiveAll(TimeSpan.FromMilliseconds(200)), Is.Empty);
    }
}
