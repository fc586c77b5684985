using System.Runtime.InteropServices;

namespace Distlog.Transport;

/// <summary>Owns a native, initialised <c>zmq_msg_t</c> allocated with <see cref="NativeMemory"/>.</summary>
sealed unsafe class ZmqMessageHandle : SafeHandle
{
    ZmqMessageHandle()
        : base(0, ownsHandle: true)
    {
    }

    /// <inheritdoc />
    public override bool IsInvalid => handle == 0;

    /// <summary>Allocates and initialises an empty message (<c>zmq_msg_init</c>).</summary>
    public static ZmqMessageHandle Create()
    {
        var message = new ZmqMessageHandle();
        void* native = NativeMemory.AlignedAlloc(LibZmq.MessageSize, (nuint)sizeof(nint));
        LibZmq.zmq_msg_init(native); // cannot fail: it only zeroes the block
        message.SetHandle((nint)native);
        return message;
    }

    /// <inheritdoc />
    protected override bool ReleaseHandle()
    {
        int result = LibZmq.zmq_msg_close((void*)handle);
        NativeMemory.AlignedFree((void*)handle);
        return result == 0;
    }
}
