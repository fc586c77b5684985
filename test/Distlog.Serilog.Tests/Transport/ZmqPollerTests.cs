using System.Diagnostics;
using Distlog.Transport;

namespace Distlog.Serilog.Tests.Transport;

public sealed class ZmqPollerTests
{
    [Test]
    public void PollReportsWhichSocketIsReadable()
    {
        using var context = new ZmqContext();
        var (quietPush, quietPull) = Loopback.PushPull(context);
        var (busyPush, busyPull) = Loopback.PushPull(context);
        using (quietPush)
        using (quietPull)
        using (busyPush)
        using (busyPull)
        {
            busyPush.Send("x"u8);
            ZmqSocket[] sockets = [quietPull, busyPull];
            bool[] readable = new bool[2];

            int count = ZmqPoller.Poll(sockets, readable, Loopback.Patience);

            Assert.That(count, Is.EqualTo(1));
            Assert.That(readable, Is.EqualTo(new[] { false, true }));
        }
    }

    [Test]
    public void PollReturnsZeroAfterTheTimeoutWhenNothingArrives()
    {
        using var context = new ZmqContext();
        using var pull = context.CreateSocket(ZmqSocketType.Pull);
        pull.Bind(Loopback.AnyPort);
        bool[] readable = [true];

        var clock = Stopwatch.StartNew();
        int count = ZmqPoller.Poll([pull], readable, TimeSpan.FromMilliseconds(150));

        Assert.That(count, Is.Zero);
        Assert.That(readable[0], Is.False);
        Assert.That(clock.Elapsed, Is.InRange(TimeSpan.FromMilliseconds(100), TimeSpan.FromSeconds(3)));
    }

    [Test]
    public void PollNeedsAFlagForEverySocket()
    {
        using var context = new ZmqContext();
        using var pull = context.CreateSocket(ZmqSocketType.Pull);

        Assert.That(() => ZmqPoller.Poll([pull, pull], new bool[1], TimeSpan.Zero), Throws.ArgumentException);
    }
}
