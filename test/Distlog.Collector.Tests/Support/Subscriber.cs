using System.Text;
using Distlog.Transport;

namespace Distlog.Collector.Tests.Support;

/// <summary>
/// A SUB socket on a collector's publish endpoint. <see cref="Join"/> works around the slow joiner: it pushes probe
/// events (Application <c>probe</c>) until one comes back, so that what is sent afterwards is seen.
/// </summary>
sealed class Subscriber : IDisposable
{
    readonly ZmqSocket _socket;

    public Subscriber(string endpoint, params string[] prefixes)
        : this(endpoint, null, prefixes)
    {
    }

    /// <summary>A subscriber with CURVE keys towards a collector with <c>security.curve</c>.</summary>
    public Subscriber(string endpoint, ZmqCurveClient? curve, params string[] prefixes)
    {
        _socket = ZmqContext.Shared.CreateSocket(ZmqSocketType.Sub);
        curve?.ApplyTo(_socket);
        _socket.ReceiveHighWatermark = 0;
        foreach (var prefix in prefixes)
            _socket.Subscribe(prefix);
        _socket.Subscribe("PLC/Warning/probe");
        _socket.Connect(endpoint);
    }

    public void Join(Pusher pusher)
    {
        var joined = Eventually.Holds(() =>
        {
            pusher.SendBatch([Some.ClefLine(-1, level: "Warning", application: "probe")]);
            return Receive(TimeSpan.FromMilliseconds(200)) is not null;
        });
        Assert.That(joined, Is.True, "the subscriber never received a probe event");
        while (Receive(TimeSpan.FromMilliseconds(200)) is not null)
        {
            // Drain the probes still on their way.
        }
    }

    /// <summary>The next (topic, CLEF) pair, or null after <paramref name="timeout"/>.</summary>
    public (string Topic, string Clef)? Receive(TimeSpan timeout)
    {
        var frames = _socket.ReceiveMultipart(timeout);
        return frames is null ? null : (Encoding.UTF8.GetString(frames[0]), Encoding.UTF8.GetString(frames[^1]));
    }

    public void Dispose() => _socket.Dispose();
}
