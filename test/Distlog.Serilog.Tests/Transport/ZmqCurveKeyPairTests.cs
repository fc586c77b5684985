using Distlog.Transport;

namespace Distlog.Serilog.Tests.Transport;

public sealed class ZmqCurveKeyPairTests
{
    [Test]
    public void GeneratedKeysAreFortyZ85CharactersAndDiffer()
    {
        ZmqCurveKeyPair first = ZmqCurveKeyPair.Generate();
        ZmqCurveKeyPair second = ZmqCurveKeyPair.Generate();

        Assert.That(first.PublicKey, Has.Length.EqualTo(40));
        Assert.That(first.SecretKey, Has.Length.EqualTo(40));
        Assert.That(second.PublicKey, Is.Not.EqualTo(first.PublicKey));
        Assert.That(first.ToString(), Does.Not.Contain(first.SecretKey));
    }

    [Test]
    public void AClientThatKnowsTheServerKeyIsHeardAndOneThatDoesNotIsNot()
    {
        ZmqCurveKeyPair server = ZmqCurveKeyPair.Generate();
        ZmqCurveKeyPair client = ZmqCurveKeyPair.Generate();
        ZmqCurveKeyPair impostor = ZmqCurveKeyPair.Generate();
        using var context = new ZmqContext();
        using var pull = context.CreateSocket(ZmqSocketType.Pull);
        pull.SetCurveServer(server.SecretKey);
        pull.Bind(Loopback.AnyPort);
        using var wrong = context.CreateSocket(ZmqSocketType.Push);
        wrong.SetCurveKeys(impostor.PublicKey, client.PublicKey, client.SecretKey);
        wrong.Connect(pull.LastEndpoint);
        using var right = context.CreateSocket(ZmqSocketType.Push);
        right.SetCurveKeys(server.PublicKey, client.PublicKey, client.SecretKey);
        right.Connect(pull.LastEndpoint);

        wrong.TrySend("from the impostor"u8, dontWait: true);
        right.Send("from the client"u8);

        Assert.That(pull.ReceiveText(), Is.EqualTo(new[] { "from the client" }));
        Assert.That(pull.ReceiveMultipart(TimeSpan.FromMilliseconds(300)), Is.Null);
    }
}
