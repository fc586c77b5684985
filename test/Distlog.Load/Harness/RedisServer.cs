namespace Distlog.Load.Harness;

/// <summary>A private redis-server on a free loopback port, without persistence, for the redis scenario.</summary>
static class RedisServer
{
    static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(30);

    public static ServerProcess Start(string directory, int port)
    {
        Directory.CreateDirectory(directory);
        var server = ServerProcess.Start("redis-server", "redis-server",
            ["--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--bind", "127.0.0.1",
             "--save", "", "--appendonly", "no", "--dir", directory], directory);
        server.WaitForPort(port, StartTimeout);
        return server;
    }
}
