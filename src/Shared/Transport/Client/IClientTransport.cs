namespace Distlog.Transport;

/// <summary>
/// The ZeroMQ implementation a client sends with (<see cref="ClientTransports.Open"/>): it creates the sockets, and its
/// <c>Dispose</c>, after theirs, waits up to their linger for the messages they still hold to leave.
/// </summary>
interface IClientTransport : IDisposable
{
    /// <summary>The implementation and its version, e.g. <c>libzmq 4.3.5</c> or <c>NetMQ 4.0.4.5</c>.</summary>
    string Name { get; }

    /// <summary>Creates a socket of <paramref name="type"/>: <see cref="ZmqSocketType.Push"/>, <see cref="ZmqSocketType.Dealer"/>
    /// or <see cref="ZmqSocketType.Sub"/>.</summary>
    IClientSocket CreateSocket(ZmqSocketType type);
}
