namespace Distlog.Collector.Security;

/// <summary>Why a CURVE handshake was refused; each is logged at its own rate, so that a flood of one hides no other.</summary>
enum HandshakeRefusal
{
    /// <summary>The client does not speak CURVE (a plain ZeroMQ socket, or another mechanism).</summary>
    NoCurve,

    /// <summary>The client speaks CURVE to another server key, or broke the handshake.</summary>
    WrongServerKey,

    /// <summary>The client's key is not in <c>authorizedClients</c>.</summary>
    UnknownKey,
}
