using System.Diagnostics;

namespace Distlog.Collector.Tests.Support;

/// <summary>A real server a test starts as a child process (redis-server, jongodb), kills mid-test and starts again on
/// the same port.</summary>
abstract class ServerProcess : IDisposable
{
    Process? _process;

    /// <summary>Kills the server process (SIGKILL) and waits for it to exit: what it held in memory and its connections are lost.</summary>
    public void Kill()
    {
        var process = _process;
        _process = null;
        if (process is null)
            return;

        process.Kill();
        process.WaitForExit();
        process.Dispose();
    }

    /// <summary>Kills the server if running and starts it again on the same port, returning once it answers.</summary>
    public void Restart()
    {
        Kill();
        Launch();
    }

    /// <summary>Stops the server. Idempotent.</summary>
    public void Dispose() => Kill();

    /// <summary>Starts the server and returns once it answers; calls <see cref="Started"/> with its process.</summary>
    protected abstract void Launch();

    /// <summary>The running server's process, killed by <see cref="Kill"/>.</summary>
    protected void Started(Process process) => _process = process;
}
