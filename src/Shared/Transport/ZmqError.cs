namespace Distlog.Transport;

/// <summary>The errno values libzmq reports that the transport handles specially.</summary>
static class ZmqError
{
    // libzmq uses the platform's errno values where the platform defines them, its own numbers above
    // HausNumero otherwise. Debian/Linux values; macOS differs only for EAGAIN among those used here.
    const int HausNumero = 156384712;

    /// <summary>EINTR: a signal interrupted the call; retried.</summary>
    public const int Interrupted = 4;

    /// <summary>EINVAL: an invalid argument, e.g. a malformed endpoint.</summary>
    public const int InvalidArgument = 22;

    /// <summary>EPROTONOSUPPORT (Linux): an unknown transport in an endpoint.</summary>
    public const int ProtocolNotSupported = 93;

    /// <summary>ETERM: the socket's context was shut down.</summary>
    public const int Terminated = HausNumero + 53;

    /// <summary>EAGAIN: the operation would block, or its timeout expired.</summary>
    public static readonly int Again = OperatingSystem.IsMacOS() || OperatingSystem.IsFreeBSD() ? 35 : 11;
}
