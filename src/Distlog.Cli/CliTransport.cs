using Distlog.Transport;
using Serilog;

namespace Distlog.Cli;

/// <summary>The ZeroMQ implementation <c>send</c> and <c>tail</c> use: as the sink chooses, libzmq where it loads,
/// NetMQ otherwise, <c>DISTLOG_TRANSPORT</c> to force one.</summary>
static class CliTransport
{
    /// <summary>Opens the transport; <paramref name="waitOnDispose"/>: disposing it waits up to the sockets' linger for
    /// what they still hold (for <c>send</c>); otherwise libzmq's process-wide context is used and never terminated (for
    /// <c>tail</c>, as before there was a choice).</summary>
    /// <exception cref="CliException">The transport asked for cannot be used; the message says why.</exception>
    public static IClientTransport Open(bool waitOnDispose)
    {
        try
        {
            return ClientTransports.Open(DistlogTransport.Auto, ownsProcess: waitOnDispose, out _, sharedContext: !waitOnDispose);
        }
        catch (Exception ex) when (ex is DllNotFoundException or ArgumentException)
        {
            throw new CliException(ex.Message, ExitCodes.Failure, ex);
        }
    }
}
