using System.Runtime.InteropServices;

namespace Distlog.Transport;

/// <summary>Waits until one of several sockets has a message to read (<c>zmq_poll</c>).</summary>
static unsafe class ZmqPoller
{
    const int StackLimit = 16;

    /// <summary>
    /// Waits up to <paramref name="timeout"/> (<see cref="Timeout.InfiniteTimeSpan"/> = forever, zero = just look)
    /// until at least one of <paramref name="sockets"/> is readable, and sets <paramref name="readable"/>[i] for each
    /// readable socket. Call it on the thread that owns the sockets. Allocates nothing for up to 16 sockets.
    /// </summary>
    /// <returns>How many sockets are readable; 0 on timeout.</returns>
    public static int Poll(ReadOnlySpan<ZmqSocket> sockets, Span<bool> readable, TimeSpan timeout)
    {
        if (sockets.IsEmpty || readable.Length < sockets.Length)
        {
            throw new ArgumentException("Poll needs at least one socket and one readable flag per socket.", nameof(sockets));
        }

        if (OperatingSystem.IsWindows())
        {
            throw new PlatformNotSupportedException("ZmqPoller uses the Unix layout of zmq_pollitem_t.");
        }

        int milliseconds = ZmqTimeouts.ToMilliseconds(timeout, nameof(timeout));
        Span<ZmqPollItem> items = sockets.Length <= StackLimit
            ? stackalloc ZmqPollItem[sockets.Length]
            : new ZmqPollItem[sockets.Length];
        int added = 0;
        try
        {
            // Hold a reference on every handle, so that no socket can be closed under zmq_poll.
            for (; added < sockets.Length; added++)
            {
                ZmqSocketHandle handle = sockets[added].Handle;
                bool success = false;
                handle.DangerousAddRef(ref success);
                items[added] = new ZmqPollItem { Socket = handle.DangerousGetHandle(), Events = LibZmq.PollIn };
            }

            int count = PollItems(items, milliseconds);
            for (int i = 0; i < sockets.Length; i++)
            {
                readable[i] = (items[i].ReturnedEvents & LibZmq.PollIn) != 0;
            }

            return count;
        }
        catch (ObjectDisposedException) when (added < sockets.Length)
        {
            throw new ObjectDisposedException(nameof(ZmqSocket), $"Cannot poll: socket {added} is disposed.");
        }
        finally
        {
            for (int i = 0; i < added; i++)
            {
                sockets[i].Handle.DangerousRelease();
            }
        }
    }

    static int PollItems(Span<ZmqPollItem> items, int milliseconds)
    {
        long deadline = milliseconds < 0 ? long.MaxValue : Environment.TickCount64 + milliseconds;
        fixed (ZmqPollItem* pointer = items)
        {
            while (true)
            {
                int count = LibZmq.zmq_poll(pointer, items.Length, new CLong(milliseconds));
                if (count >= 0)
                {
                    return count;
                }

                int error = LibZmq.LastError();
                if (error == ZmqError.Terminated)
                {
                    throw new ObjectDisposedException(nameof(ZmqContext), "Cannot poll: the sockets' ZmqContext was disposed.");
                }

                if (error != ZmqError.Interrupted)
                {
                    throw ZmqException.FromError(error, "Cannot poll");
                }

                // Interrupted by a signal: wait for the rest of the time only.
                if (milliseconds >= 0)
                {
                    milliseconds = (int)Math.Max(0, deadline - Environment.TickCount64);
                }
            }
        }
    }
}
