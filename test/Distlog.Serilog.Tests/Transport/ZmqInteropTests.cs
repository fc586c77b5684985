using System.Text;
using Distlog.Serilog.Tests.Support;
using Distlog.Transport;

namespace Distlog.Serilog.Tests.Transport;

[Category("Interop")]
public sealed class ZmqInteropTests
{
    [Test]
    public void PyzmqReceivesTheTwoFrameMessagesOfADotnetPush()
    {
        const int Count = 50;
        using PythonPeer python = PythonPeer.StartPull(Count, out string endpoint);
        using var context = new ZmqContext();
        using var push = context.CreateSocket(ZmqSocketType.Push);
        push.Linger = TimeSpan.FromSeconds(5);
        push.Connect(endpoint);
        for (int i = 0; i < Count; i++)
        {
            push.Send("PLC"u8, more: true);
            push.Send(Encoding.UTF8.GetBytes($"{{\"@mt\":\"event {i} – ü\"}}"));
        }

        IReadOnlyList<byte[][]> received = python.ReadMessages();

        Assert.That(received, Has.Count.EqualTo(Count));
        for (int i = 0; i < Count; i++)
        {
            Assert.That(received[i], Has.Length.EqualTo(2));
            Assert.That(Encoding.UTF8.GetString(received[i][0]), Is.EqualTo("PLC"));
            Assert.That(Encoding.UTF8.GetString(received[i][1]), Is.EqualTo($"{{\"@mt\":\"event {i} – ü\"}}"));
        }
    }

    [Test]
    public void ADotnetPullReceivesTheTwoFrameMessagesOfAPyzmqPush()
    {
        using var context = new ZmqContext();
        using var pull = context.CreateSocket(ZmqSocketType.Pull);
        pull.Bind(Loopback.AnyPort);
        byte[] binary = [0, 1, 2, 0xFF, 0xFE, (byte)'\n'];

        using PythonPeer python = PythonPeer.StartPush(pull.LastEndpoint, [["PLJ"u8.ToArray(), binary], ["PLC"u8.ToArray(), "{}"u8.ToArray()]]);

        Assert.That(pull.ReceiveMultipart(Loopback.Patience), Is.EqualTo(new[] { "PLJ"u8.ToArray(), binary }));
        Assert.That(pull.ReceiveMultipart(Loopback.Patience), Is.EqualTo(new[] { "PLC"u8.ToArray(), "{}"u8.ToArray() }));
        python.WaitForExit(Loopback.Patience);
    }
}
