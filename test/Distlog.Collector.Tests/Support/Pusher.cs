using System.Text;
using Distlog.Transport;

namespace Distlog.Collector.Tests.Support;

/// <summary>A PUSH socket connected to a collector's ingest endpoint, as a sender would use it.</summary>
sealed class Pusher : IDisposable
{
    readonly ZmqSocket _socket;

    /// <param name="endpoint">The collector's ingest endpoint.</param>
    /// <param name="curve">CURVE keys towards a collector with <c>security.curve</c>; null for none.</param>
    public Pusher(string endpoint, ZmqCurveClient? curve = null)
    {
        _socket = ZmqContext.Shared.CreateSocket(ZmqSocketType.Push);
        curve?.ApplyTo(_socket);
        _socket.SendHighWatermark = 100_000;
        _socket.Linger = TimeSpan.FromSeconds(5);
        _socket.Connect(endpoint);
    }

    /// <summary>A two-frame message: topic, payload.</summary>
    public void Send(string topic, string payload) => Send(topic, Encoding.UTF8.GetBytes(payload));

    public void Send(string topic, byte[] payload) => SendFrames(Encoding.ASCII.GetBytes(topic), payload);

    /// <summary>A CLEF batch: the lines joined by newlines.</summary>
    public void SendBatch(IEnumerable<string> clefLines, char system = 'P') => Send($"{system}LC", string.Join("\n", clefLines));

    public void SendFrames(params byte[][] frames)
    {
        for (var i = 0; i < frames.Length; i++)
            _socket.Send(frames[i], more: i < frames.Length - 1);
    }

    public void Dispose() => _socket.Dispose();
}
