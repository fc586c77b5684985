using System.Diagnostics;
using Distlog.Transport;

namespace Distlog.Serilog.Tests.Transport;

public sealed class ZmqContextTests
{
    [Test]
    public void TheLoadedLibraryIsLibzmqFour()
    {
        Assert.That(ZmqContext.LibraryVersion.Major, Is.EqualTo(4));
    }

    [Test]
    public void TheSharedContextIsOneInstanceThatSurvivesDispose()
    {
        ZmqContext shared = ZmqContext.Shared;
        shared.Dispose();

        Assert.That(ZmqContext.Shared, Is.SameAs(shared));
        using var socket = shared.CreateSocket(ZmqSocketType.Push);
        Assert.That(socket.SocketType, Is.EqualTo(ZmqSocketType.Push));
    }

    [Test]
    public void ADisposedContextCreatesNoSockets()
    {
        var context = new ZmqContext();
        context.Dispose();

        Assert.That(() => context.CreateSocket(ZmqSocketType.Pull), Throws.TypeOf<ObjectDisposedException>());
        Assert.That(context.Dispose, Throws.Nothing);
    }

    [Test]
    public void DisposingAContextInterruptsABlockingReceiveAndDoesNotHang()
    {
        var context = new ZmqContext();
        using var pull = context.CreateSocket(ZmqSocketType.Pull);
        pull.Bind(Loopback.AnyPort);
        Exception? failure = null;
        var receiver = new Thread(() =>
        {
            using var message = new ZmqMessage();
            try
            {
                pull.TryReceive(message);
            }
            catch (Exception ex)
            {
                failure = ex;
            }
        });
        receiver.Start();
        Thread.Sleep(100);

        var clock = Stopwatch.StartNew();
        context.Dispose();

        Assert.That(receiver.Join(TimeSpan.FromSeconds(5)), Is.True, "the blocked receive was not interrupted");
        Assert.That(failure, Is.TypeOf<ObjectDisposedException>());
        Assert.That(clock.Elapsed, Is.LessThan(TimeSpan.FromSeconds(5)));
    }

    [Test]
    public void SocketsMayOutliveTheirDisposedContextAndCloseWithoutHanging()
    {
        var context = new ZmqContext();
        var push = context.CreateSocket(ZmqSocketType.Push);
        push.Linger = TimeSpan.FromMilliseconds(200);
        push.Connect("tcp://127.0.0.1:9"); // nobody listens: the message can never leave
        push.TrySend("stuck"u8, dontWait: true);
        context.Dispose();

        var clock = Stopwatch.StartNew();
        push.Dispose(); // terminates the native context, waiting at most for the linger

        Assert.That(clock.Elapsed, Is.LessThan(TimeSpan.FromSeconds(3)));
    }

    [Test]
    public void QueuedMessagesLeaveWithinTheLingerWhenTheSocketIsDisposedFirst()
    {
        using var receiverContext = new ZmqContext();
        using var pull = receiverContext.CreateSocket(ZmqSocketType.Pull);
        pull.Bind(Loopback.AnyPort);
        var context = new ZmqContext();
        var push = context.CreateSocket(ZmqSocketType.Push);
        push.Linger = TimeSpan.FromSeconds(5);
        push.Connect(pull.LastEndpoint);
        for (int i = 0; i < 100; i++)
        {
            push.Send(BitConverter.GetBytes(i));
        }

        push.Dispose();
        context.Dispose();

        for (int i = 0; i < 100; i++)
        {
            byte[][]? frames = pull.ReceiveMultipart(Loopback.Patience);
            Assert.That(frames, Is.Not.Null, $"message {i} was lost");
            Assert.That(BitConverter.ToInt32(frames![0]), Is.EqualTo(i));
        }
    }
}
