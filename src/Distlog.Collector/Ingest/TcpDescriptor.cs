using System.Runtime.InteropServices;
using System.Text;

namespace Distlog.Collector.Ingest;

/// <summary>
/// The Linux calls <see cref="HardLimitWatch"/> makes on a TCP connection's file descriptor: a duplicate that keeps the
/// connection open after libzmq closed its own descriptor, which open socket a descriptor names, and what the connection
/// still holds. Elsewhere <see cref="IsSupported"/> is false and nothing here is called.
/// </summary>
static unsafe partial class TcpDescriptor
{
    const string LibC = "libc";
    const int IpProtoTcp = 6;
    const int TcpInfo = 11;
    const int BytesAckedOffset = 120;
    const int MsgPeek = 0x02;
    const int MsgDontWait = 0x40;

    /// <summary>The TCP states (<c>tcpi_state</c>) in which the peer has not reset the connection.</summary>
    public const int Established = 1;
    public const int CloseWait = 8;

    public static bool IsSupported { get; } = OperatingSystem.IsLinux();

    /// <summary>A new descriptor for the same socket; -1 where <paramref name="fd"/> is closed.</summary>
    public static int Duplicate(int fd) => dup(fd);

    public static void Close(int fd) => _ = close(fd);

    /// <summary>
    /// <c>socket:[inode]</c> for the socket <paramref name="fd"/> names now (<c>/proc/self/fd</c>); two descriptors
    /// give the same text exactly when they name the same open socket. Null where <paramref name="fd"/> is closed.
    /// </summary>
    public static string? Identity(int fd)
    {
        Span<byte> target = stackalloc byte[64];
        fixed (byte* buffer = target)
        {
            var length = readlink($"/proc/self/fd/{fd}", buffer, target.Length);
            return length <= 0 ? null : Encoding.ASCII.GetString(target[..(int)length]);
        }
    }

    /// <summary>Whether bytes are waiting to be read (one is peeked at, none is taken).</summary>
    public static bool HasUnreadBytes(int fd)
    {
        byte one;
        return recv(fd, &one, 1, MsgPeek | MsgDontWait) > 0;
    }

    /// <summary>
    /// The connection's TCP state (<c>tcpi_state</c> of <c>TCP_INFO</c>) and how many bytes the peer acknowledged of
    /// those sent to it (<c>tcpi_bytes_acked</c>, -1 before Linux 4.1); false where they cannot be read.
    /// </summary>
    public static bool TryGetInfo(int fd, out int state, out long bytesAcked)
    {
        // The kernel copies no more of struct tcp_info than the length given, and says how much it copied.
        var info = stackalloc byte[BytesAckedOffset + sizeof(long)];
        var length = (uint)(BytesAckedOffset + sizeof(long));
        state = -1;
        bytesAcked = -1;
        if (getsockopt(fd, IpProtoTcp, TcpInfo, info, &length) != 0 || length == 0)
            return false;
        state = info[0];
        if (length >= BytesAckedOffset + sizeof(long))
            bytesAcked = *(long*)(info + BytesAckedOffset);
        return true;
    }

    [LibraryImport(LibC, SetLastError = true)]
    private static partial int dup(int fd);

    [LibraryImport(LibC, SetLastError = true)]
    private static partial int close(int fd);

    [LibraryImport(LibC, SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial nint readlink(string path, byte* buffer, nint size);

    [LibraryImport(LibC, SetLastError = true)]
    private static partial nint recv(int fd, byte* buffer, nuint length, int flags);

    [LibraryImport(LibC, SetLastError = true)]
    private static partial int getsockopt(int fd, int level, int name, byte* value, uint* length);
}
