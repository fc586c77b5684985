using System.Net;
using System.Net.Sockets;
using System.Runtime.InteropServices;

namespace Distlog.Collector.Security;

/// <summary>
/// The connection behind a file descriptor that libzmq names in a message's metadata (<c>__fd</c>): who is at the
/// other end, and a way to end it (<c>shutdown(2)</c>), which libzmq then handles as the peer leaving, freeing what it
/// held for that peer. Unix only (libc); elsewhere <see cref="IsSupported"/> is false.
/// </summary>
static unsafe partial class PeerSocket
{
    const string LibC = "libc";
    const int ShutdownReadWrite = 2;
    const int AddressCapacity = 128;

    public static bool IsSupported { get; } = OperatingSystem.IsLinux() || OperatingSystem.IsMacOS() || OperatingSystem.IsFreeBSD();

    /// <summary>
    /// The remote end of <paramref name="fd"/> (<c>ip:port</c>, or <c>local</c> for a Unix socket) and its local port
    /// (0 for a Unix socket); false where <paramref name="fd"/> is not a connected socket any more.
    /// </summary>
    public static bool TryDescribe(int fd, out string remote, out int localPort)
    {
        remote = "";
        localPort = 0;
        if (!IsSupported || !TryAddress(fd, peer: true, out var peer) || !TryAddress(fd, peer: false, out var local))
            return false;
        remote = peer?.ToString() ?? "local";
        localPort = local?.Port ?? 0;
        return true;
    }

    /// <summary>Ends the connection both ways; libzmq closes the descriptor once it notices.</summary>
    public static void Shutdown(int fd) => _ = shutdown(fd, ShutdownReadWrite);

    static bool TryAddress(int fd, bool peer, out IPEndPoint? endpoint)
    {
        endpoint = null;
        var buffer = stackalloc byte[AddressCapacity];
        var length = (uint)AddressCapacity;
        if ((peer ? getpeername(fd, buffer, &length) : getsockname(fd, buffer, &length)) != 0 || length < 2 || length > AddressCapacity)
            return false;

        var address = new SocketAddress(AddressFamily.InterNetworkV6, (int)length);
        new ReadOnlySpan<byte>(buffer, (int)length).CopyTo(address.Buffer.Span);
        if (address.Family is AddressFamily.InterNetwork or AddressFamily.InterNetworkV6)
            endpoint = (IPEndPoint)new IPEndPoint(IPAddress.Any, 0).Create(address);
        return true;
    }

    [LibraryImport(LibC, SetLastError = true)]
    private static partial int getpeername(int fd, byte* address, uint* length);

    [LibraryImport(LibC, SetLastError = true)]
    private static partial int getsockname(int fd, byte* address, uint* length);

    [LibraryImport(LibC, SetLastError = true)]
    private static partial int shutdown(int fd, int how);
}
