namespace Serilog;

/// <summary>Which ZeroMQ implementation <c>WriteTo.Distlog()</c> sends with.</summary>
public enum DistlogTransport
{
    /// <summary>libzmq where it loads (faster, less CPU per event), otherwise NetMQ; the environment variable
    /// <c>DISTLOG_TRANSPORT</c> (<c>LibZmq</c> or <c>NetMq</c>) overrides the choice. The default.</summary>
    Auto,

    /// <summary>The native libzmq 4.x (<c>libzmq.so.5</c>, <c>libzmq.5.dylib</c>, <c>libzmq.dll</c>); where it does not
    /// load, the sink reports once through <c>SelfLog</c> and drops its events.</summary>
    LibZmq,

    /// <summary>NetMQ, the managed implementation: needs no native library; <c>tcp://</c> endpoints only.</summary>
    NetMq,
}
