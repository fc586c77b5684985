using System.Diagnostics;
using System.Text.RegularExpressions;

namespace Distlog.Collector.Tests.Support;

/// <summary>
/// A real <c>distlogd</c> child process (<c>dotnet distlogd.dll</c> from the test's output folder) running in a temp
/// folder, with its stdout and stderr collected line by line. Killed on dispose if still running.
/// </summary>
sealed class CollectorProcess : IDisposable
{
    public static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(30);
    public const string ReadyText = "is listening on";

    readonly Process _process;
    readonly List<string> _stdout = [];
    readonly List<string> _stderr = [];

    CollectorProcess(Process process) => _process = process;

    public int Id => _process.Id;

    public string Stderr { get { lock (_stderr) return string.Join("\n", _stderr); } }

    public string Stdout { get { lock (_stdout) return string.Join("\n", _stdout); } }

    public string[] StdoutLines { get { lock (_stdout) return [.. _stdout]; } }

    /// <summary>Writes <paramref name="yaml"/> as distlogd.yaml (unless null) and starts distlogd on it.</summary>
    public static CollectorProcess Start(TempFolder folder, string? yaml, params string[] args)
    {
        var info = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            WorkingDirectory = folder.Path,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "distlogd.dll"));
        if (yaml is not null)
        {
            folder.Write("distlogd.yaml", yaml);
            info.ArgumentList.Add("--config");
            info.ArgumentList.Add("distlogd.yaml");
        }
        foreach (var arg in args)
            info.ArgumentList.Add(arg);

        var collector = new CollectorProcess(new Process { StartInfo = info });
        collector._process.OutputDataReceived += (_, e) => Collect(collector._stdout, e.Data);
        collector._process.ErrorDataReceived += (_, e) => Collect(collector._stderr, e.Data);
        collector._process.Start();
        collector._process.BeginOutputReadLine();
        collector._process.BeginErrorReadLine();
        return collector;
    }

    /// <summary>Starts distlogd and waits until it logs that it is listening.</summary>
    public static CollectorProcess StartReady(TempFolder folder, string yaml, params string[] args)
    {
        var collector = Start(folder, yaml, args);
        if (!collector.WaitForStderr(ReadyText, StartTimeout))
        {
            var output = collector.Stderr;
            collector.Dispose();
            Assert.Fail($"distlogd did not start:\n{output}");
        }
        return collector;
    }

    /// <summary>Waits until stderr holds <paramref name="text"/>; false on timeout or when the process exited without it.</summary>
    public bool WaitForStderr(string text, TimeSpan timeout)
    {
        Eventually.Holds(() => Stderr.Contains(text, StringComparison.Ordinal) || _process.HasExited, timeout);
        if (_process.HasExited)
            _process.WaitForExit();
        return Stderr.Contains(text, StringComparison.Ordinal);
    }

    /// <summary>The last match of <paramref name="pattern"/> in stderr, waiting for one up to <paramref name="timeout"/>.</summary>
    public Match? WaitForStderrMatch(Regex pattern, TimeSpan timeout)
    {
        Match? found = null;
        Eventually.Holds(() => (found = LastMatch(pattern)) is not null, timeout);
        return found;
    }

    public Match? LastMatch(Regex pattern)
    {
        var matches = pattern.Matches(Stderr);
        return matches.Count == 0 ? null : matches[^1];
    }

    /// <summary>Kills the process at once (SIGKILL: no signal handler, no flush) and waits for it to be gone.</summary>
    public void KillHard()
    {
        _process.Kill();
        _process.WaitForExit();
    }

    /// <summary>The most memory the process has held resident so far (VmHWM of /proc/PID/status), in bytes.</summary>
    public long PeakResidentBytes
    {
        get
        {
            foreach (var line in File.ReadLines($"/proc/{_process.Id}/status"))
            {
                if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
                    return long.Parse(line["VmHWM:".Length..].Trim().Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture) * 1024;
            }
            throw new InvalidOperationException("no VmHWM in /proc/PID/status");
        }
    }

    /// <summary>Sends SIGTERM and waits for the exit code.</summary>
    public int Terminate(TimeSpan? timeout = null)
    {
        Signals.Send(_process.Id, Signals.SigTerm);
        return WaitForExit(timeout ?? TimeSpan.FromSeconds(60));
    }

    public int WaitForExit(TimeSpan timeout)
    {
        if (!_process.WaitForExit(timeout))
            Assert.Fail($"distlogd did not exit within {timeout}:\n{Stderr}");
        _process.WaitForExit(); // flushes the asynchronous output readers
        return _process.ExitCode;
    }

    public void Dispose()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                _process.WaitForExit(10_000);
            }
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
        _process.Dispose();
    }

    static void Collect(List<string> lines, string? line)
    {
        if (line is null)
            return;
        lock (lines)
            lines.Add(line);
    }
}
