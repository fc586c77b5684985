using System.Runtime.InteropServices;
using System.Text;

namespace Distlog.Transport;

/// <summary>What a server reads of the connection a <see cref="ZmqMessage"/> came over: its address, its ZAP user id.</summary>
static unsafe class ZmqMessageProperties
{
    extension(ZmqMessage message)
    {
        /// <summary>
        /// A property of the connection the frame last received came over (<c>zmq_msg_gets</c>): <c>"User-Id\0"u8</c> (set
        /// by a ZAP handler), <c>"Peer-Address\0"u8</c>, or metadata a ZAP handler returned. <paramref name="name"/> is
        /// UTF-8 ending in a zero byte. Empty where the connection has no such property. Read in place, without copying:
        /// valid until the next receive into this message.
        /// </summary>
        public ReadOnlySpan<byte> Property(ReadOnlySpan<byte> name)
        {
            ObjectDisposedException.ThrowIf(message.Handle.IsClosed, message);
            if (name.IsEmpty || name[^1] != 0)
            {
                throw new ArgumentException("A property name ends in a zero byte, e.g. \"User-Id\\0\"u8.", nameof(name));
            }

            byte* value;
            fixed (byte* property = name)
            {
                value = LibZmq.zmq_msg_gets(message.Handle, property);
            }

            return value == null ? [] : MemoryMarshal.CreateReadOnlySpanFromNullTerminated(value);
        }

        /// <summary>
        /// A metadata property of the frame last received (<c>zmq_msg_gets</c>): <c>Peer-Address</c>, <c>Socket-Type</c>,
        /// ZAP properties; null where the frame has none (e.g. one libzmq made itself). Allocates the string.
        /// </summary>
        public string? Property(string name)
        {
            var value = message.Property(Encoding.UTF8.GetBytes(name + "\0"));
            return value.IsEmpty ? null : Encoding.UTF8.GetString(value);
        }
    }
}
