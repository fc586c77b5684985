using System.Net;
using System.Net.Sockets;

namespace Distlog.Testing;

/// <summary>Loopback TCP ports for tests: one the OS just handed out, or whether something listens on one.</summary>
public static class FreePort
{
    /// <summary>A port nothing listens on right now (the OS's pick for a listener bound to port 0, then closed).</summary>
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary><c>tcp://127.0.0.1:{port}</c> with a <see cref="Next"/> port.</summary>
    public static string Endpoint() => $"tcp://127.0.0.1:{Next()}";

    /// <summary>True where a TCP connection to <paramref name="port"/> on loopback is accepted.</summary>
    public static bool IsListening(int port)
    {
        try
        {
            using var client = new TcpClient();
            client.Connect(IPAddress.Loopback, port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
