using Distlog.Transport;

namespace Distlog.Serilog.Tests.Transport;

public sealed class ZmqSocketOptionsTests
{
    [Test]
    public void OptionsReadBackAsTheyWereSet()
    {
        using var context = new ZmqContext();
        using var socket = context.CreateSocket(ZmqSocketType.Push);

        socket.SendHighWatermark = 123;
        socket.ReceiveHighWatermark = 456;
        socket.Linger = TimeSpan.FromMilliseconds(250);
        socket.ReconnectInterval = TimeSpan.FromMilliseconds(50);
        socket.ReconnectIntervalMax = TimeSpan.FromSeconds(5);
        socket.MaxMessageSize = 4 << 20;
        socket.ReceiveTimeout = TimeSpan.FromMilliseconds(700);
        socket.SendTimeout = Timeout.InfiniteTimeSpan;
        socket.Immediate = true;

        Assert.Multiple(() =>
        {
            Assert.That(socket.SendHighWatermark, Is.EqualTo(123));
            Assert.That(socket.ReceiveHighWatermark, Is.EqualTo(456));
            Assert.That(socket.Linger, Is.EqualTo(TimeSpan.FromMilliseconds(250)));
            Assert.That(socket.ReconnectInterval, Is.EqualTo(TimeSpan.FromMilliseconds(50)));
            Assert.That(socket.ReconnectIntervalMax, Is.EqualTo(TimeSpan.FromSeconds(5)));
            Assert.That(socket.MaxMessageSize, Is.EqualTo(4 << 20));
            Assert.That(socket.ReceiveTimeout, Is.EqualTo(TimeSpan.FromMilliseconds(700)));
            Assert.That(socket.SendTimeout, Is.EqualTo(Timeout.InfiniteTimeSpan));
            Assert.That(socket.Immediate, Is.True);
        });
    }

    [Test]
    public void ANewSocketLingersForTheDefaultLinger()
    {
        using var context = new ZmqContext();
        using var socket = context.CreateSocket(ZmqSocketType.Push);

        Assert.That(socket.Linger, Is.EqualTo(ZmqSocket.DefaultLinger));
    }

    [Test]
    public void AnInfiniteLingerIsRefusedBecauseItCouldHangTheContext()
    {
        using var context = new ZmqContext();
        using var socket = context.CreateSocket(ZmqSocketType.Push);

        Assert.That(() => socket.Linger = Timeout.InfiniteTimeSpan,
            Throws.TypeOf<ArgumentOutOfRangeException>().With.Message.Contains("finite"));
    }

    [Test]
    public void ANegativeTimeoutIsRefused()
    {
        using var context = new ZmqContext();
        using var socket = context.CreateSocket(ZmqSocketType.Pull);

        Assert.That(() => socket.ReceiveTimeout = TimeSpan.FromSeconds(-2), Throws.TypeOf<ArgumentOutOfRangeException>());
    }

    [Test]
    public void AnInvalidValueNamesTheOptionAndLibzmqsReason()
    {
        using var context = new ZmqContext();
        using var socket = context.CreateSocket(ZmqSocketType.Push);

        Assert.That(() => socket.SendHighWatermark = -5,
            Throws.TypeOf<ZmqException>().With.Message.EqualTo("Cannot set SendHighWatermark to -5: Invalid argument"));
    }

    [Test]
    public void LastEndpointGivesThePortChosenForAWildcard()
    {
        using var context = new ZmqContext();
        using var socket = context.CreateSocket(ZmqSocketType.Pull);
        socket.Bind(Loopback.AnyPort);

        Assert.That(socket.LastEndpoint, Does.Match(@"^tcp://127\.0\.0\.1:\d+$"));
        Assert.That(socket.LastEndpoint, Does.Not.EndWith(":0"));
    }

    [Test]
    public void AMalformedCurveKeyIsRefusedWithTheExpectedShape()
    {
        using var context = new ZmqContext();
        using var socket = context.CreateSocket(ZmqSocketType.Pull);

        Assert.That(() => socket.SetCurveServer("too-short"),
            Throws.ArgumentException.With.Message.Contains("40 Z85 characters"));
    }
}
