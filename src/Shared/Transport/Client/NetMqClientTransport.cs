using NetMQ;

namespace Distlog.Transport;

/// <summary>
/// Client sockets on NetMQ, the managed ZeroMQ: no native library needed. Its sockets live in NetMQ's process-wide
/// context, which a library must not terminate under the application's own NetMQ sockets: only a transport that owns
/// the process (the CLI) waits on <see cref="Dispose"/> for what its closed sockets still hold.
/// </summary>
sealed class NetMqClientTransport(bool ownsProcess = false) : IClientTransport
{
    public string Name { get; } = $"NetMQ {typeof(NetMQSocket).Assembly.GetName().Version}";

    public IClientSocket CreateSocket(ZmqSocketType type) => new NetMqClientSocket(type);

    /// <summary>Where this transport owns the process, terminates NetMQ's context, waiting up to each socket's linger.</summary>
    public void Dispose()
    {
        if (ownsProcess)
            NetMQConfig.Cleanup(block: true);
    }
}
