namespace Distlog.Transport;

/// <summary>
/// <c>zmq_pollitem_t</c> as laid out on Linux and macOS x64/arm64: <c>{ void *socket; int fd; short events; short revents; }</c>,
/// 16 bytes. (On Windows <c>fd</c> is a pointer-sized SOCKET; <see cref="ZmqPoller"/> refuses to run there.)
/// </summary>
struct ZmqPollItem
{
    /// <summary>The native socket pointer, or 0 to poll <see cref="FileDescriptor"/>.</summary>
    public nint Socket;

    /// <summary>A plain file descriptor, used only when <see cref="Socket"/> is 0.</summary>
    public int FileDescriptor;

    /// <summary>The events to wait for (<see cref="LibZmq.PollIn"/>).</summary>
    public short Events;

    /// <summary>The events that occurred, set by <c>zmq_poll</c>.</summary>
    public short ReturnedEvents;
}
