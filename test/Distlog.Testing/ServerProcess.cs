using System.Diagnostics;

namespace Distlog.Testing;

/// <summary>A real server a test starts as a child process (redis-server, jongodb), kills mid-test and starts again on
/// the same port. It keeps the server's last 50 lines of output for the message when it does not start.</summary>
public abstract class ServerProcess : IDisposable
{
    const int KeptLines = 50;

    ChildProcess? _process;
    ChildProcess? _latest;

    /// <summary>Kills the server process (SIGKILL) and waits for it to exit: what it held in memory and its connections are lost.</summary>
    public void Kill()
    {
        var process = Interlocked.Exchange(ref _process, null);
        if (process is null)
            return;

        process.Kill();
        process.Dispose();
    }

    /// <summary>Kills the server if running and starts it again on the same port, returning once it answers.</summary>
    public void Restart()
    {
        Kill();
        Launch();
    }

    /// <summary>Stops the server. Idempotent.</summary>
    public void Dispose()
    {
        Kill();
        GC.SuppressFinalize(this);
    }

    /// <summary>Starts the server (through <see cref="Run"/>) and returns once it answers.</summary>
    protected abstract void Launch();

    /// <summary>Starts the server's process: the one <see cref="Kill"/> kills.</summary>
    protected ChildProcess Run(ProcessStartInfo start) => _process = _latest = new ChildProcess(start, keepLines: KeptLines);

    /// <summary>The last lines the latest server process wrote (it may have been killed since).</summary>
    protected string Output() => _latest?.Output.TrimEnd() ?? "";
}
