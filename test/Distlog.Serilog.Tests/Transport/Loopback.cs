using Distlog.Transport;

namespace Distlog.Serilog.Tests.Transport;

/// <summary>Socket pairs on random loopback ports for the transport tests.</summary>
static class Loopback
{
    public const string AnyPort = "tcp://127.0.0.1:*";

    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    /// <summary>A PULL bound to a random port and a PUSH connected to it.</summary>
    public static (ZmqSocket Push, ZmqSocket Pull) PushPull(ZmqContext context)
    {
        ZmqSocket pull = context.CreateSocket(ZmqSocketType.Pull);
        pull.Bind(AnyPort);
        ZmqSocket push = context.CreateSocket(ZmqSocketType.Push);
        push.Connect(pull.LastEndpoint);
        return (push, pull);
    }

    public static void SendText(this ZmqSocket socket, string frame, bool more = false) =>
        socket.Send(System.Text.Encoding.UTF8.GetBytes(frame), more);

    public static string[] ReceiveText(this ZmqSocket socket)
    {
        byte[][]? frames = socket.ReceiveMultipart(Patience);
        Assert.That(frames, Is.Not.Null, "no message arrived within " + Patience);
        return Array.ConvertAll(frames!, frame => System.Text.Encoding.UTF8.GetString(frame));
    }
}
