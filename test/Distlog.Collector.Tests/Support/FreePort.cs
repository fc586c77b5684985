using System.Net;
using System.Net.Sockets;

namespace Distlog.Collector.Tests.Support;

/// <summary>Picks a loopback TCP port that is free right now, by binding port 0 and releasing it.</summary>
static class FreePort
{
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public static string Endpoint() => $"tcp://127.0.0.1:{Next()}";
}
