using System.Diagnostics;
using Distlog.Transport;

namespace Distlog.Serilog.Tests.Transport;

public sealed class ZmqSocketTests
{
    [Test]
    public void ATwoFrameMessageArrivesWhole()
    {
        using var context = new ZmqContext();
        var (push, pull) = Loopback.PushPull(context);
        using (push)
        using (pull)
        {
            push.SendText("PLC", more: true);
            push.SendText("{\"@mt\":\"hello\"}");

            Assert.That(pull.ReceiveText(), Is.EqualTo(new[] { "PLC", "{\"@mt\":\"hello\"}" }));
        }
    }

    [Test]
    public void ManyMessagesArriveInOrder()
    {
        using var context = new ZmqContext();
        var (push, pull) = Loopback.PushPull(context);
        using (push)
        using (pull)
        using (var message = new ZmqMessage())
        {
            pull.ReceiveTimeout = Loopback.Patience;
            for (int i = 0; i < 10_000; i++)
            {
                push.Send(BitConverter.GetBytes(i));
            }

            for (int i = 0; i < 10_000; i++)
            {
                Assert.That(pull.TryReceive(message), Is.True, $"message {i} did not arrive");
                Assert.That(BitConverter.ToInt32(message.Data), Is.EqualTo(i));
            }
        }
    }

    [Test]
    public void AOneMebibyteFrameArrivesIntact()
    {
        byte[] payload = new byte[1 << 20];
        new Random(42).NextBytes(payload);
        using var context = new ZmqContext();
        var (push, pull) = Loopback.PushPull(context);
        using (push)
        using (pull)
        {
            push.Send("PLC"u8, more: true);
            push.Send(payload);

            byte[][]? frames = pull.ReceiveMultipart(Loopback.Patience);

            Assert.That(frames, Has.Length.EqualTo(2));
            Assert.That(frames![1], Is.EqualTo(payload));
        }
    }

    [Test]
    public void ASubscriberReceivesOnlyTopicsWithItsPrefix()
    {
        using var context = new ZmqContext();
        using var pub = context.CreateSocket(ZmqSocketType.Pub);
        pub.Bind(Loopback.AnyPort);
        using var sub = context.CreateSocket(ZmqSocketType.Sub);
        sub.Subscribe("PLC/Error");
        sub.Connect(pub.LastEndpoint);

        // The slow joiner: publish until the subscription has reached the publisher.
        byte[][]? first = null;
        var clock = Stopwatch.StartNew();
        while (first is null && clock.Elapsed < Loopback.Patience)
        {
            pub.SendText("PLC/Error/orders", more: true);
            pub.SendText("warm-up");
            first = sub.ReceiveMultipart(TimeSpan.FromMilliseconds(50));
        }

        Assert.That(first, Is.Not.Null, "the subscription never reached the publisher");
        while (sub.ReceiveMultipart(TimeSpan.FromMilliseconds(100)) is not null)
        {
        }

        pub.SendText("PLC/Information/orders", more: true);
        pub.SendText("not for us");
        pub.SendText("PLC/Error/billing", more: true);
        pub.SendText("for us");

        Assert.That(sub.ReceiveText(), Is.EqualTo(new[] { "PLC/Error/billing", "for us" }));
        Assert.That(sub.ReceiveMultipart(TimeSpan.FromMilliseconds(200)), Is.Null);
    }

    [Test]
    public void TryReceiveReturnsFalseWhenTheReceiveTimeoutExpires()
    {
        using var context = new ZmqContext();
        using var pull = context.CreateSocket(ZmqSocketType.Pull);
        pull.Bind(Loopback.AnyPort);
        pull.ReceiveTimeout = TimeSpan.FromMilliseconds(200);
        using var message = new ZmqMessage();

        var clock = Stopwatch.StartNew();
        bool received = pull.TryReceive(message);

        Assert.That(received, Is.False);
        Assert.That(clock.Elapsed, Is.InRange(TimeSpan.FromMilliseconds(150), TimeSpan.FromSeconds(3)));
    }

    [Test]
    public void ReceiveMultipartReturnsNullOnTimeout()
    {
        using var context = new ZmqContext();
        using var pull = context.CreateSocket(ZmqSocketType.Pull);
        pull.Bind(Loopback.AnyPort);

        Assert.That(pull.ReceiveMultipart(TimeSpan.FromMilliseconds(50)), Is.Null);
    }

    [Test]
    public void APushWithoutPeersRefusesADontWaitSendInsteadOfBlocking()
    {
        using var context = new ZmqContext();
        using var push = context.CreateSocket(ZmqSocketType.Push);
        push.Bind(Loopback.AnyPort);

        Assert.That(push.TrySend("x"u8, dontWait: true), Is.False);
    }

    [Test]
    public void AConnectedPushQueuesUpToItsHighWatermarkThenRefuses()
    {
        using var context = new ZmqContext();
        using var push = context.CreateSocket(ZmqSocketType.Push);
        push.SendHighWatermark = 10;
        push.Connect(UnusedEndpoint(context));

        int queued = 0;
        while (queued < 10_000 && push.TrySend("x"u8, dontWait: true))
        {
            queued++;
        }

        Assert.That(queued, Is.EqualTo(10));
    }

    [Test]
    public void ABlockingSendGivesUpAfterTheSendTimeout()
    {
        using var context = new ZmqContext();
        using var push = context.CreateSocket(ZmqSocketType.Push);
        push.Bind(Loopback.AnyPort);
        push.SendTimeout = TimeSpan.FromMilliseconds(100);

        var clock = Stopwatch.StartNew();
        Assert.That(push.TrySend("x"u8), Is.False);
        Assert.That(clock.Elapsed, Is.GreaterThanOrEqualTo(TimeSpan.FromMilliseconds(80)));
        Assert.That(() => push.Send("x"u8), Throws.TypeOf<ZmqException>().With.Message.Contains("send timeout"));
    }

    [Test]
    public void HasMoreTellsWhetherTheLastFrameHasASuccessor()
    {
        using var context = new ZmqContext();
        var (push, pull) = Loopback.PushPull(context);
        using (push)
        using (pull)
        using (var message = new ZmqMessage())
        {
            pull.ReceiveTimeout = Loopback.Patience;
            push.Send("a"u8, more: true);
            push.Send("b"u8);

            Assert.That(pull.TryReceive(message) && message.More && pull.HasMore, Is.True);
            Assert.That(pull.TryReceive(message) && !message.More && !pull.HasMore, Is.True);
            Assert.That(message.Data.SequenceEqual("b"u8), Is.True);
        }
    }

    static string UnusedEndpoint(ZmqContext context)
    {
        using var probe = context.CreateSocket(ZmqSocketType.Pull);
        probe.Bind(Loopback.AnyPort);
        return probe.LastEndpoint;
    }
}
