using System.Buffers.Binary;
using System.Text;
using Distlog.Collector.Tests.Support;
using Distlog.Transport;

namespace Distlog.Collector.Tests.Journal;

/// <summary>The wire side of acknowledgements, with raw frames: a PUSH for batches, a DEALER for acknowledgements.</summary>
public sealed class AcknowledgementTests
{
    static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);

    [Test]
    public void ABatchResentAfterItsAcknowledgementIsAcknowledgedAgainAndStoredOnce()
    {
        using var folder = new TempFolder();
        var ingest = FreePort.Endpoint();
        var control = FreePort.Endpoint();
        using var collector = CollectorProcess.StartReady(folder,
            Some.Yaml(ingest, "sink: file\nargs: { path: logs/events.clef, rollingInterval: Infinite }") + $"control:\n  endpoint: \"{control}\"\n",
            "--stats-interval", "100ms");
        using var dealer = Dealer(control, out var sender);
        using var pusher = new Pusher(ingest);
        var batch = Encoding.UTF8.GetBytes(string.Join("\n", Enumerable.Range(0, 5).Select(i => Some.ClefLine(i))));

        pusher.SendFrames("PLC"u8.ToArray(), batch, Id(sender, sequence: 1, lowest: 1));
        Assert.That(ReceiveAcknowledged(dealer), Is.EqualTo(new long[] { 1 }));
        pusher.SendFrames("PLC"u8.ToArray(), batch, Id(sender, sequence: 1, lowest: 1));
        Assert.That(ReceiveAcknowledged(dealer), Is.EqualTo(new long[] { 1 }), "acknowledged again");
        pusher.SendFrames("PLC"u8.ToArray(), Encoding.UTF8.GetBytes(Some.ClefLine(5)), Id(sender, sequence: 2, lowest: 2));
        Assert.That(ReceiveAcknowledged(dealer), Is.EqualTo(new long[] { 2 }));

        Assert.That(collector.Terminate(), Is.Zero, collector.Stderr);
        Assert.That(Stored.Numbers(Stored.ClefLines(folder.Combine("logs"))), Is.EqualTo(new long[] { 0, 1, 2, 3, 4, 5 }));
        Assert.That(collector.Stderr, Does.Contain("1 resent batches ignored"));
    }

    [Test]
    public void ABatchWithNothingToAcceptIsAcknowledgedSoThatItIsNotSentForever()
    {
        using var folder = new TempFolder();
        var ingest = FreePort.Endpoint();
        using var collector = CollectorProcess.StartReady(folder, Some.Yaml(ingest, "sink: file\nargs: { path: logs/events.clef }"));
        // Without a control section the channel is beside ingest: its port + 2.
        var port = int.Parse(ingest[(ingest.LastIndexOf(':') + 1)..]);
        using var dealer = Dealer($"tcp://127.0.0.1:{port + 2}", out var sender);
        using var pusher = new Pusher(ingest);

        pusher.SendFrames("PLC"u8.ToArray(), "not json"u8.ToArray(), Id(sender, sequence: 9, lowest: 9));

        Assert.That(ReceiveAcknowledged(dealer), Is.EqualTo(new long[] { 9 }));
        Assert.That(collector.WaitForStderr("InvalidClef", Wait), Is.True, collector.Stderr);
    }

    [Test]
    public void AThirdFrameThatIsNotABatchIdIsRejectedAndCounted()
    {
        using var folder = new TempFolder();
        var ingest = FreePort.Endpoint();
        using var collector = CollectorProcess.StartReady(folder, Some.Yaml(ingest, "sink: file\nargs: { path: logs/events.clef }"));
        using var pusher = new Pusher(ingest);

        pusher.SendFrames("PLC"u8.ToArray(), Encoding.UTF8.GetBytes(Some.ClefLine(1)), "short"u8.ToArray());
        pusher.SendBatch([Some.ClefLine(2)]);

        Assert.That(collector.WaitForStderr("not a batch id", Wait), Is.True, collector.Stderr);
        Assert.That(collector.Terminate(), Is.Zero);
        Assert.That(Stored.Numbers(Stored.ClefLines(folder.Combine("logs"))), Is.EqualTo(new long[] { 2 }));
    }

    static ZmqSocket Dealer(string control, out byte[] sender)
    {
        sender = Guid.NewGuid().ToByteArray();
        sender[0] |= 1;
        var dealer = ZmqContext.Shared.CreateSocket(ZmqSocketType.Dealer);
        dealer.SetRoutingId(sender);
        // The collector can address the dealer only once the handshake is done: wait for it.
        var events = $"inproc://ack-dealer-{Guid.NewGuid():N}";
        dealer.Monitor(events, LibZmq.EventHandshakeSucceeded);
        using var monitor = ZmqContext.Shared.CreateSocket(ZmqSocketType.Pair);
        monitor.Connect(events);
        dealer.Connect(control);
        Assert.That(monitor.ReceiveMultipart(TimeSpan.FromSeconds(10)), Is.Not.Null, $"no handshake with the collector's control socket {control}");
        return dealer;
    }

    static byte[] Id(byte[] sender, long sequence, long lowest)
    {
        var id = new byte[32];
        sender.CopyTo(id, 0);
        BinaryPrimitives.WriteInt64LittleEndian(id.AsSpan(16), sequence);
        BinaryPrimitives.WriteInt64LittleEndian(id.AsSpan(24), lowest);
        return id;
    }

    static long[] ReceiveAcknowledged(ZmqSocket dealer)
    {
        var frames = dealer.ReceiveMultipart(Wait);
        Assert.That(frames, Is.Not.Null, "an acknowledgement arrives");
        Assert.That(Encoding.ASCII.GetString(frames![0]), Is.EqualTo("ACK"));
        return Enumerable.Range(0, frames[1].Length / 8).Select(i => BinaryPrimitives.ReadInt64LittleEndian(frames[1].AsSpan(8 * i))).ToArray();
    }
}
