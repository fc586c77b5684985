using System.Buffers.Binary;
using System.Net;
using System.Runtime.InteropServices;

namespace Distlog.Collector.Security;

/// <summary>The remote address of a connected socket's file descriptor (<c>getpeername</c>), for log lines.</summary>
static unsafe partial class PeerAddress
{
    const int InterNetwork = 2;

    /// <summary>"127.0.0.1:50432", or "an unknown address" where the descriptor is gone or not an IP socket.</summary>
    public static string Of(int fd)
    {
        if (!OperatingSystem.IsLinux() && !OperatingSystem.IsMacOS())
            return "an unknown address";
        Span<byte> address = stackalloc byte[128];
        var length = (uint)address.Length;
        try
        {
            fixed (byte* buffer = address)
            {
                if (getpeername(fd, buffer, &length) != 0)
                    return "an unknown address";
            }
        }
        catch (Exception ex) when (ex is DllNotFoundException or EntryPointNotFoundException)
        {
            // A C library that cannot be loaded by that name costs the address in log lines, not the ZAP thread.
            return "an unknown address";
        }

        // Linux: family is a native ushort; macOS: a length byte, then the family byte.
        int family = OperatingSystem.IsMacOS() ? address[1] : BitConverter.ToUInt16(address);
        var port = BinaryPrimitives.ReadUInt16BigEndian(address[2..]);
        if (family == InterNetwork)
            return new IPEndPoint(new IPAddress(address.Slice(4, 4)), port).ToString();
        if (family == (OperatingSystem.IsMacOS() ? 30 : 10))
            return new IPEndPoint(new IPAddress(address.Slice(8, 16)), port).ToString();
        return "an unknown address";
    }

    [LibraryImport("libc", SetLastError = true)]
    private static partial int getpeername(int fd, byte* address, uint* length);
}
