using System.Collections.Concurrent;
using System.Diagnostics;

namespace Distlog.Collector.Tests.Support;

/// <summary>A real server a test starts as a child process (redis-server, jongodb), kills mid-test and starts again on
/// the same port.</summary>
abstract class ServerProcess : IDisposable
{
    readonly ConcurrentQueue<string> _output = new();
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

    /// <summary>Keeps the last 50 lines the server wrote, for the message when it does not start.</summary>
    protected void Remember(string? line)
    {
        if (line is null)
            return;

        _output.Enqueue(line);
        while (_output.Count > 50)
            _output.TryDequeue(out _);
    }

    /// <summary>The lines kept by <see cref="Remember"/>.</summary>
    protected string Output() => string.Join(Environment.NewLine, _output);

    /// <summary>The running server's process, killed by <see cref="Kill"/>.</summary>
    protected void Started(Process process) => _process = process;
}
