using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using Distlog.Load.Children;

namespace Distlog.Load.Harness;

/// <summary>
/// Another role of this program (<c>dotnet Distlog.Load.dll ROLE --name value...</c>) in its own process, with its
/// READY/RESULT lines collected and <c>GO</c> written to its stdin. Killed on dispose if still running.
/// </summary>
sealed class ChildProcess : IDisposable
{
    static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(30);

    readonly Process _process;
    readonly string _role;
    readonly BlockingCollection<string> _lines = [];
    readonly StringBuilder _stderr = new();

    ChildProcess(Process process, string role)
    {
        _process = process;
        _role = role;
    }

    public int Pid => _process.Id;

    public static ChildProcess Start(string role, params (string Name, object Value)[] args) => Start(role, [], args);

    /// <summary>As <see cref="Start(string, (string, object)[])"/>, with <paramref name="environment"/> set for the child.</summary>
    public static ChildProcess Start(string role, IReadOnlyList<KeyValuePair<string, string>> environment, params (string Name, object Value)[] args)
    {
        var self = typeof(ChildProcess).Assembly.Location;
        var host = Environment.ProcessPath ?? "dotnet";
        var info = new ProcessStartInfo(host)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (Path.GetFileNameWithoutExtension(host) == "dotnet")
            info.ArgumentList.Add(self);
        info.ArgumentList.Add(role);
        foreach (var (name, value) in args)
        {
            info.ArgumentList.Add("--" + name);
            info.ArgumentList.Add(Convert.ToString(value, CultureInfo.InvariantCulture)!);
        }

        foreach (var (name, value) in environment)
            info.Environment[name] = value;

        var child = new ChildProcess(new Process { StartInfo = info }, role);
        child._process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is null)
                child._lines.CompleteAdding();
            else
                child._lines.Add(e.Data);
        };
        child._process.ErrorDataReceived += (_, e) =>
        {
            lock (child._stderr)
                child._stderr.AppendLine(e.Data);
        };
        child._process.Start();
        ProcessRegistry.Track(child._process);
        child._process.BeginOutputReadLine();
        child._process.BeginErrorReadLine();
        return child;
    }

    public KeyValues WaitForReady() => WaitFor(ChildConsole.Ready, StartTimeout);

    /// <summary>Waits for the child's line of <paramref name="kind"/>; throws, with its stderr, when it exits or times out first.</summary>
    public KeyValues WaitFor(string kind, TimeSpan timeout)
    {
        var deadline = Clock.Now + (long)(timeout.TotalSeconds * Stopwatch.Frequency);
        while (Clock.Now < deadline)
        {
            try
            {
                if (_lines.TryTake(out var line, TimeSpan.FromMilliseconds(100)) && (line == kind || line.StartsWith(kind + " ", StringComparison.Ordinal)))
                    return new KeyValues(line);
            }
            catch (InvalidOperationException)
            {
                break; // stdout closed: the child exited
            }
            if (_lines.IsCompleted)
                break;
        }
        throw new LoadException($"The '{_role}' child did not report {kind} within {timeout.TotalSeconds:0} s. Its stderr:\n{Stderr}");
    }

    public void Go()
    {
        _process.StandardInput.WriteLine(ChildConsole.Go);
        _process.StandardInput.Flush();
    }

    public string Stderr
    {
        get
        {
            lock (_stderr)
                return _stderr.ToString().Trim();
        }
    }

    public void Dispose()
    {
        try
        {
            if (!_process.HasExited && !_process.WaitForExit(TimeSpan.FromSeconds(5)))
                _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }
        catch (InvalidOperationException)
        {
        }
        ProcessRegistry.Untrack(_process);
        _process.Dispose();
        _lines.Dispose();
    }
}
