using System.Net;
using System.Net.Sockets;

namespace Distlog.Serilog.Tests.Support;

static class FreePort
{
    /// <summary>A loopback TCP port that was free a moment ago, for a peer that must bind later.</summary>
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
