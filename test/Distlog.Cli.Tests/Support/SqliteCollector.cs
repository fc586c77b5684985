namespace Distlog.Cli.Tests.Support;

/// <summary>The built distlogd ingesting on a free loopback port into <c>distlog.db</c> in a test's folder.</summary>
static class SqliteCollector
{
    /// <summary>Starts distlogd and waits until it listens on <paramref name="endpoint"/>.</summary>
    public static ChildProcess Start(TempFolder folder, out string endpoint)
    {
        endpoint = FreePort.Endpoint();
        return CollectorProcess.StartReady(folder, $$"""
            ingest:
              endpoints: ["{{endpoint}}"]
            plugins:
              - sink: sqlite
                args: { path: distlog.db }
            """);
    }
}
