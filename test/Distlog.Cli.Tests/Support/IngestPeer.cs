using System.Text;
using Distlog.Transport;

namespace Distlog.Cli.Tests.Support;

/// <summary>A real PULL socket on a random loopback port, standing in for the collector's ingest.</summary>
sealed class IngestPeer : IDisposable
{
    readonly ZmqSocket _socket = ZmqContext.Shared.CreateSocket(ZmqSocketType.Pull);

    public IngestPeer()
    {
        _socket.Bind("tcp://127.0.0.1:*");
    }

    public string Endpoint => _socket.LastEndpoint;

    /// <summary>Every message that arrives within <paramref name="quiet"/> of the one before, as (topic, payload).</summary>
    public List<(string Topic, string Payload)> ReceiveAll(TimeSpan? quiet = null)
    {
        var messages = new List<(string, string)>();
        while (_socket.ReceiveMultipart(quiet ?? TimeSpan.FromSeconds(1)) is { } frames)
            messages.Add((Encoding.UTF8.GetString(frames[0]), Encoding.UTF8.GetString(frames[1])));
        return messages;
    }

    public void Dispose() => _socket.Dispose();
}
