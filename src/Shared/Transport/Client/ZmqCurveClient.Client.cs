namespace Distlog.Transport;

/// <summary>The client transports' side of <see cref="ZmqCurveClient"/>, compiled where they are.</summary>
sealed partial record ZmqCurveClient
{
    /// <summary>Makes <paramref name="socket"/> a CURVE client of the collector, on libzmq or NetMQ. Call before connecting.</summary>
    public void ApplyTo(IClientSocket socket) => socket.SetCurveKeys(ServerKey, Certificate.PublicKey, Certificate.SecretKey!);
}
