using Serilog;

namespace Distlog.Transport;

/// <summary>
/// Chooses the ZeroMQ implementation of a client: libzmq where it loads, since it sends faster at half NetMQ's CPU per
/// event (docs/performance.md), and NetMQ where it does not, so that the library needs no native install. Thread-safe.
/// </summary>
static class ClientTransports
{
    /// <summary>The environment variable that overrides <see cref="DistlogTransport.Auto"/>: <c>LibZmq</c> or <c>NetMq</c>.</summary>
    public const string TransportVariable = "DISTLOG_TRANSPORT";

    /// <summary>
    /// Opens the transport <paramref name="requested"/>; for <see cref="DistlogTransport.Auto"/>, the one
    /// <see cref="TransportVariable"/> names, else libzmq where it loads, else NetMQ. <paramref name="reason"/> says which and
    /// why, in words for SelfLog or a terminal. <paramref name="ownsProcess"/>: disposing the transport may wait for
    /// process-wide sockets (a command-line tool, not a library). <paramref name="sharedContext"/>: libzmq's sockets live in
    /// the process-wide context, which is never terminated (for a socket that needs no linger, as <c>distlog tail</c>'s).
    /// </summary>
    /// <exception cref="DllNotFoundException">libzmq is asked for and does not load; the message says how to install it.</exception>
    /// <exception cref="ArgumentException"><see cref="TransportVariable"/> holds something else than Auto, LibZmq or NetMq.</exception>
    public static IClientTransport Open(DistlogTransport requested, bool ownsProcess, out string reason, bool sharedContext = false)
    {
        var because = $"transport: {requested}";
        if (requested == DistlogTransport.Auto && Environment.GetEnvironmentVariable(TransportVariable) is { Length: > 0 } variable)
        {
            if (!Enum.TryParse(variable, ignoreCase: true, out requested) || !Enum.IsDefined(requested))
                throw new ArgumentException($"{TransportVariable}={variable} is not one of Auto, LibZmq, NetMq.");
            because = $"{TransportVariable}={variable}";
        }

        IClientTransport transport;
        switch (requested)
        {
            case DistlogTransport.LibZmq:
                transport = new LibZmqClientTransport(sharedContext);
                break;
            case DistlogTransport.NetMq:
                transport = new NetMqClientTransport(ownsProcess);
                break;
            default:
                if (LibZmqLoader.TryEnsureLoaded(out var failure))
                {
                    transport = new LibZmqClientTransport(sharedContext);
                    because = "libzmq loads here";
                }
                else
                {
                    transport = new NetMqClientTransport(ownsProcess);
                    because = failure;
                }
                break;
        }

        reason = $"{transport.Name} ({because})";
        return transport;
    }
}
