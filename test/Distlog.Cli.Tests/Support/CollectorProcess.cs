using System.Net;
using System.Net.Sockets;

namespace Distlog.Cli.Tests.Support;

/// <summary>The built <c>distlogd</c> run as a child process with an SQLite store, in a temp folder.</summary>
static class CollectorProcess
{
    /// <summary>distlogd.dll, built beside the tests through the project reference.</summary>
    public static string Dll => Path.Combine(AppContext.BaseDirectory, "distlogd.dll");

    public static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    /// <summary>Starts distlogd ingesting on a free loopback port into <c>distlog.db</c> in <paramref name="folder"/>.</summary>
    public static ChildProcess Start(string dll, TempFolder folder, out string endpoint)
    {
        endpoint = $"tcp://127.0.0.1:{FreePort()}";
        var config = folder.Write("distlogd.yaml", $$"""
            ingest:
              endpoints: ["{{endpoint}}"]
            plugins:
              - sink: sqlite
                args: { path: distlog.db }
            """);
        var collector = new ChildProcess(dll, folder.Path, "--config", config);
        collector.WaitForError("listening", TimeSpan.FromSeconds(30));
        return collector;
    }
}
