using Distlog.Transport;

namespace Distlog.Serilog.Tests.Transport;

public sealed class ZmqMessageTests
{
    [Test]
    public void ANewMessageIsEmpty()
    {
        using var message = new ZmqMessage();

        Assert.That(message.Data.Length, Is.Zero);
        Assert.That(message.More, Is.False);
    }

    [Test]
    public void OneMessageIsReusedForEveryReceive()
    {
        using var context = new ZmqContext();
        var (push, pull) = Loopback.PushPull(context);
        using (push)
        using (pull)
        using (var message = new ZmqMessage())
        {
            pull.ReceiveTimeout = Loopback.Patience;
            push.Send("a long first frame"u8);
            push.Send(""u8);
            push.Send("third"u8);

            Assert.That(pull.TryReceive(message) && message.Data.SequenceEqual("a long first frame"u8), Is.True);
            Assert.That(pull.TryReceive(message) && message.Data.IsEmpty, Is.True);
            Assert.That(pull.TryReceive(message) && message.Data.SequenceEqual("third"u8), Is.True);
        }
    }

    [Test]
    public void SendingAndReceivingAllocateNothingOnTheManagedHeap()
    {
        using var context = new ZmqContext();
        var (push, pull) = Loopback.PushPull(context);
        using (push)
        using (pull)
        using (var message = new ZmqMessage())
        {
            pull.ReceiveTimeout = Loopback.Patience;
            byte[] payload = new byte[220];
            RoundTrips(push, pull, message, payload, 1_000); // JIT and first-use allocations

            long before = GC.GetAllocatedBytesForCurrentThread();
            int received = RoundTrips(push, pull, message, payload, 1_000);
            long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

            Assert.That(received, Is.EqualTo(1_000));
            Assert.That(allocated, Is.Zero);
        }
    }

    [Test]
    public void ADisposedMessageThrowsObjectDisposedExceptionAndDisposesAgainHarmlessly()
    {
        var message = new ZmqMessage();
        message.Dispose();

        Assert.That(() => message.Data.Length, Throws.TypeOf<ObjectDisposedException>());
        Assert.That(message.Dispose, Throws.Nothing);
    }

    static int RoundTrips(ZmqSocket push, ZmqSocket pull, ZmqMessage message, byte[] payload, int count)
    {
        int received = 0;
        for (int i = 0; i < count; i++)
        {
            push.TrySend("PLC"u8, more: true);
            push.TrySend(payload, dontWait: true);
            if (pull.TryReceive(message) && message.More && pull.TryReceive(message) && message.Data.Length == payload.Length)
            {
                received++;
            }
        }

        return received;
    }
}
