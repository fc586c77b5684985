using Distlog.Transport;
using Serilog;

namespace Distlog.Serilog.Tests.Transport;

public sealed class ClientTransportsTests
{
    [Test]
    public void WhereLibzmqLoadsAutoChoosesItAndSaysWhy()
    {
        using var transport = ClientTransports.Open(DistlogTransport.Auto, ownsProcess: false, out var reason);

        Assert.That(transport, Is.InstanceOf<LibZmqClientTransport>());
        Assert.That(reason, Does.StartWith("libzmq 4.").And.EndWith("(libzmq loads here)"));
    }

    [Test]
    public void NetMqCanBeForced()
    {
        using var transport = ClientTransports.Open(DistlogTransport.NetMq, ownsProcess: false, out var reason);

        Assert.That(transport, Is.InstanceOf<NetMqClientTransport>());
        Assert.That(reason, Is.EqualTo("NetMQ 4.0.4.5 (transport: NetMq)"));
    }

    [Test]
    public void OnNetMqAnIpcEndpointIsRefusedWithWhatToDo()
    {
        using var transport = new NetMqClientTransport();
        using var socket = transport.CreateSocket(ZmqSocketType.Push);

        var error = Assert.Throws<ZmqException>(() => socket.Connect("ipc:///tmp/distlog"))!;

        Assert.That(error.Message, Does.Contain("speaks tcp:// only").And.Contain("install libzmq for ipc://"));
    }

    [Test]
    public void NetMqDerivesTheSameCurvePublicKeyAsLibzmq()
    {
        // Where libzmq is missing, certificates are checked and keys made with NetMQ's CURVE: they must agree.
        var pair = ZmqCurveKeyPair.Generate();

        Assert.That(NetMQ.NetMQCertificate.CreateFromSecretKey(pair.SecretKey).PublicKeyZ85, Is.EqualTo(pair.PublicKey));
    }
}
