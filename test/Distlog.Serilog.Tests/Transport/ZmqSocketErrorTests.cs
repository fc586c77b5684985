using Distlog.Transport;

namespace Distlog.Serilog.Tests.Transport;

public sealed class ZmqSocketErrorTests
{
    [Test]
    public void BindingAnEndpointTwiceNamesTheEndpointAndTheReason()
    {
        using var context = new ZmqContext();
        using var first = context.CreateSocket(ZmqSocketType.Pull);
        first.Bind(Loopback.AnyPort);
        string endpoint = first.LastEndpoint;
        using var second = context.CreateSocket(ZmqSocketType.Pull);

        var error = Assert.Throws<ZmqException>(() => second.Bind(endpoint));

        Assert.That(error!.Message, Is.EqualTo($"Cannot bind {endpoint}: Address already in use"));
        Assert.That(error.ErrorNumber, Is.EqualTo(98)); // EADDRINUSE on Linux
    }

    [TestCase("not-an-endpoint")]
    [TestCase("tcp://127.0.0.1")]
    [TestCase("carrier-pigeon://loft:5010")]
    public void AMalformedEndpointNamesItselfAndShowsTheExpectedShape(string endpoint)
    {
        using var context = new ZmqContext();
        using var socket = context.CreateSocket(ZmqSocketType.Pull);

        Assert.That(() => socket.Bind(endpoint), Throws.TypeOf<ZmqException>()
            .With.Message.StartWith($"Cannot bind {endpoint}: ")
            .And.Message.Contains("an endpoint looks like tcp://127.0.0.1:5010"));
        Assert.That(() => socket.Connect(endpoint), Throws.TypeOf<ZmqException>()
            .With.Message.StartWith($"Cannot connect to {endpoint}: "));
    }

    [Test]
    public void DisposingASocketTwiceIsHarmless()
    {
        using var context = new ZmqContext();
        var socket = context.CreateSocket(ZmqSocketType.Push);

        socket.Dispose();

        Assert.That(socket.Dispose, Throws.Nothing);
    }

    [Test]
    public void ADisposedSocketThrowsObjectDisposedException()
    {
        using var context = new ZmqContext();
        var socket = context.CreateSocket(ZmqSocketType.Push);
        socket.Dispose();
        using var message = new ZmqMessage();

        Assert.Multiple(() =>
        {
            Assert.That(() => socket.Bind(Loopback.AnyPort), Throws.TypeOf<ObjectDisposedException>());
            Assert.That(() => socket.Connect("tcp://127.0.0.1:5010"), Throws.TypeOf<ObjectDisposedException>());
            Assert.That(() => socket.TrySend("x"u8), Throws.TypeOf<ObjectDisposedException>());
            Assert.That(() => socket.TryReceive(message), Throws.TypeOf<ObjectDisposedException>());
            Assert.That(() => socket.SendHighWatermark, Throws.TypeOf<ObjectDisposedException>());
            Assert.That(() => socket.LastEndpoint, Throws.TypeOf<ObjectDisposedException>());
            Assert.That(() => ZmqPoller.Poll([socket], new bool[1], TimeSpan.Zero), Throws.TypeOf<ObjectDisposedException>());
        });
    }
}
