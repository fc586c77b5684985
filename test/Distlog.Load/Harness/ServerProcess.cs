using System.Diagnostics;
using System.Text;

namespace Distlog.Load.Harness;

/// <summary>
/// A server the harness measures or needs (distlogd, rsyslogd, redis-server), in the foreground, output collected.
/// <see cref="Stop"/> sends SIGTERM and waits, as an operator would; dispose kills it if it is still running.
/// </summary>
sealed class ServerProcess : IDisposable
{
    static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(60);

    readonly Process _process;
    readonly StringBuilder _output = new();

    ServerProcess(string name, Process process)
    {
        Name = name;
        _process = process;
    }

    public string Name { get; }

    public int Pid => _process.Id;

    public string Output
    {
        get
        {
            lock (_output)
                return _output.ToString().Trim();
        }
    }

    public static ServerProcess Start(string name, string fileName, IEnumerable<string> args, string workingDirectory,
        IEnumerable<KeyValuePair<string, string>>? environment = null)
    {
        var info = new ProcessStartInfo(fileName)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in args)
            info.ArgumentList.Add(arg);
        foreach (var (key, value) in environment ?? [])
            info.Environment[key] = value;

        var server = new ServerProcess(name, new Process { StartInfo = info });
        server._process.OutputDataReceived += (_, e) => server.Collect(e.Data);
        server._process.ErrorDataReceived += (_, e) => server.Collect(e.Data);
        try
        {
            server._process.Start();
            ProcessRegistry.Track(server._process);
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            throw new LoadException($"Cannot start {name} ({fileName}): {ex.Message}", ex);
        }
        server._process.BeginOutputReadLine();
        server._process.BeginErrorReadLine();
        return server;
    }

    /// <summary>Waits until the server accepts connections on <paramref name="port"/>; throws with its output if it exits first.</summary>
    public void WaitForPort(int port, TimeSpan timeout)
    {
        var started = Clock.Now;
        while (!FreePort.IsListening(port))
        {
            if (_process.HasExited || Clock.Seconds(started, Clock.Now) > timeout.TotalSeconds)
                throw new LoadException($"{Name} did not listen on port {port} (exit code {(_process.HasExited ? _process.ExitCode : "none: still running")}):\n{Output}");
            Thread.Sleep(20);
        }
    }

    /// <summary>SIGTERM, then waits for the exit; false (and killed) when it did not exit in time.</summary>
    public bool Stop()
    {
        if (_process.HasExited)
            return true;
        Signals.Terminate(_process.Id);
        if (_process.WaitForExit(StopTimeout))
        {
            _process.WaitForExit(); // drains the output handlers
            return true;
        }
        _process.Kill(entireProcessTree: true);
        return false;
    }

    public void Dispose()
    {
        try
        {
            if (!_process.HasExited)
                _process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
        }
        ProcessRegistry.Untrack(_process);
        _process.Dispose();
    }

    void Collect(string? line)
    {
        if (line is null)
            return;
        lock (_output)
        {
            if (_output.Length < 64 * 1024)
                _output.AppendLine(line);
        }
    }
}
