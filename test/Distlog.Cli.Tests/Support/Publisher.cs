using System.Text;
using Distlog.Transport;

namespace Distlog.Cli.Tests.Support;

/// <summary>A real PUB socket on a random loopback port, publishing as the collector does: topic, then one CLEF event.</summary>
sealed class Publisher : IDisposable
{
    readonly ZmqSocket _socket = ZmqContext.Shared.CreateSocket(ZmqSocketType.Pub);

    public Publisher(string bindEndpoint = "tcp://127.0.0.1:*")
    {
        _socket.Bind(bindEndpoint);
    }

    public string Endpoint => _socket.LastEndpoint;

    public void Publish(string topic, string clefLine)
    {
        _socket.Send(Encoding.UTF8.GetBytes(topic), more: true);
        _socket.Send(Encoding.UTF8.GetBytes(clefLine));
    }

    public void Dispose() => _socket.Dispose();
}
