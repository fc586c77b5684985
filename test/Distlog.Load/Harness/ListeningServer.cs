using System.Globalization;

namespace Distlog.Load.Harness;

/// <summary>
/// Starts a server the harness measures or needs (distlogd, rsyslogd) in the foreground in a run's folder, and waits
/// until it listens. Its last lines of output are kept for the report when a run fails.
/// </summary>
static class ListeningServer
{
    const int KeptLines = 1000;

    public static ChildProcess Start(string name, string program, IEnumerable<string> args, string directory, int port, TimeSpan timeout,
        IEnumerable<KeyValuePair<string, string>>? environment = null)
    {
        var start = ChildProcess.StartInfo(program, args, directory);
        foreach (var (key, value) in environment ?? [])
            start.Environment[key] = value;

        ChildProcess server;
        try
        {
            server = new ChildProcess(start, name, KeptLines);
        }
        catch (InvalidOperationException ex)
        {
            throw new LoadException(ex.Message, ex);
        }
        if (!server.WaitForPort(port, timeout))
        {
            var exit = server.HasExited ? server.ExitCode.ToString(CultureInfo.InvariantCulture) : "none: still running";
            server.Dispose();
            throw new LoadException($"{name} did not listen on port {port} (exit code {exit}):\n{server.Output}");
        }
        return server;
    }
}
