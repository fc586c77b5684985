namespace Distlog.Transport;

/// <summary>The ZeroMQ socket types the transport uses; the values are libzmq's <c>ZMQ_*</c> constants.</summary>
enum ZmqSocketType
{
    /// <summary>One peer, both directions; what <c>zmq_socket_monitor</c> sends its events to.</summary>
    Pair = 0,

    /// <summary>Publishes every message to all subscribers whose prefix matches the first frame; drops at the high watermark.</summary>
    Pub = 1,

    /// <summary>Receives the messages of the publishers it connects to whose first frame matches a subscription.</summary>
    Sub = 2,

    /// <summary>Answers requests, one reply for each request received, in turn (a ZAP handler is one).</summary>
    Rep = 4,
    /// <summary>Sends to and receives from its peers in turn; on the control channel, a sink's end (its routing id set).</summary>
    Dealer = 5,

    /// <summary>Prefixes what it receives with the sender's routing id, and sends to the peer a message's first frame names.</summary>
    Router = 6,

    /// <summary>Fair-queues the messages of all connected pushers.</summary>
    Pull = 7,

    /// <summary>Round-robins messages to connected pullers; blocks (or refuses) at the high watermark.</summary>
    Push = 8,

    /// <summary>A <see cref="Pub"/> that also receives its subscribers' subscriptions: one frame each, byte 1 (subscribe)
    /// or 0 (unsubscribe) and the prefix; only the first subscription to a prefix and the last unsubscription from it.</summary>
    XPub = 9,
}
