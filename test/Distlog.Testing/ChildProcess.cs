using System.ComponentModel;
using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;

namespace Distlog.Testing;

/// <summary>
/// A program run as a child process: standard input, output and error redirected, output and error read as UTF-8
/// and kept line by line (for assertions and for the message when it fails), <c>NO_COLOR</c> set. Killed with its
/// process tree on <see cref="Dispose"/> if it still runs. Every member may be called from any thread.
/// </summary>
public sealed partial class ChildProcess : IDisposable
{

    readonly Process _process;
    readonly int? _keepLines;
    readonly Queue<(bool IsError, string Text)> _lines = new();
    readonly object _gate = new();

    /// <summary>Starts <paramref name="start"/> (see <see cref="StartInfo"/>); its streams are redirected whatever it says.</summary>
    /// <param name="start">The program, its arguments, working folder and environment.</param>
    /// <param name="name">How messages name the child; default: the program's file name.</param>
    /// <param name="keepLines">Keep only this many of the last lines (output and error together); null: keep all.</param>
    /// <exception cref="InvalidOperationException">The program could not be started (not found, not executable).</exception>
    public ChildProcess(ProcessStartInfo start, string? name = null, int? keepLines = null)
    {
        Name = name ?? Path.GetFileName(start.FileName);
        _keepLines = keepLines;
        start.UseShellExecute = false;
        start.RedirectStandardInput = true;
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        start.StandardOutputEncoding = Encoding.UTF8;
        start.StandardErrorEncoding = Encoding.UTF8;
        start.Environment["NO_COLOR"] = "1";
        _process = new Process { StartInfo = start };
        _process.OutputDataReceived += (_, e) => Collect(isError: false, e.Data);
        _process.ErrorDataReceived += (_, e) => Collect(isError: true, e.Data);
        try
        {
            _process.Start();
        }
        catch (Win32Exception ex)
        {
            _process.Dispose();
            throw new InvalidOperationException($"Cannot start {Name} ({start.FileName}): {ex.Message}", ex);
        }
        Track(this);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    /// <summary>How a child is started here: <paramref name="program"/> with <paramref name="args"/> in <paramref name="workingDirectory"/>.</summary>
    public static ProcessStartInfo StartInfo(string program, IEnumerable<string> args, string? workingDirectory = null)
    {
        var start = new ProcessStartInfo(program) { WorkingDirectory = workingDirectory ?? "" };
        foreach (var arg in args)
            start.ArgumentList.Add(arg);
        return start;
    }

    /// <summary>Runs a built .NET program, <c>dotnet <paramref name="dll"/> <paramref name="args"/></c>, with the test host's <c>dotnet</c>.</summary>
    /// <param name="dll">The program's dll: a path, or a file name beside the running tests (where a project reference puts it).</param>
    /// <param name="args">Its arguments.</param>
    /// <param name="workingDirectory">Where it runs; null: the current folder.</param>
    public static ChildProcess Dotnet(string dll, IEnumerable<string> args, string? workingDirectory = null)
    {
        var host = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet";
        var path = Path.Combine(AppContext.BaseDirectory, dll);
        return new ChildProcess(StartInfo(host, [path, .. args], workingDirectory), Path.GetFileNameWithoutExtension(dll));
    }

    /// <summary>How messages name the child.</summary>
    public string Name { get; }

    /// <summary>The child's process id.</summary>
    public int Id => _process.Id;

    /// <summary>What it wrote to standard output so far, its lines joined by <c>\n</c>.</summary>
    public string Stdout => Text(isError: false);

    /// <summary>What it wrote to standard error so far, its lines joined by <c>\n</c>.</summary>
    public string Stderr => Text(isError: true);

    /// <summary>Standard output and error together, in the order the lines were read.</summary>
    public string Output => Text(isError: null);

    /// <summary>The lines of standard output so far.</summary>
    public string[] StdoutLines => Lines(isError: false);

    /// <summary>The lines of standard error so far.</summary>
    public string[] StderrLines => Lines(isError: true);

    /// <summary>Writes <paramref name="text"/> to its standard input and closes it.</summary>
    public void WriteInput(string text)
    {
        _process.StandardInput.Write(text);
        _process.StandardInput.Close();
    }

    /// <summary>Writes <paramref name="line"/> and a line end to its standard input, flushed; the input stays open.</summary>
    public void WriteLine(string line)
    {
        _process.StandardInput.WriteLine(line);
        _process.StandardInput.Flush();
    }

    /// <summary>Waits until standard output shows <paramref name="text"/>.</summary>
    /// <returns>Whether it did; false when the child exited or <paramref name="timeout"/> passed first.</returns>
    public bool WaitForStdout(string text, TimeSpan timeout) => WaitUntil(() => Stdout.Contains(text, StringComparison.Ordinal), timeout);

    /// <summary>Waits until standard error shows <paramref name="text"/>.</summary>
    /// <returns>Whether it did; false when the child exited or <paramref name="timeout"/> passed first.</returns>
    public bool WaitForStderr(string text, TimeSpan timeout) => WaitUntil(() => Stderr.Contains(text, StringComparison.Ordinal), timeout);

    /// <summary>Waits for the first line of standard output that <paramref name="match"/> accepts.</summary>
    /// <returns>The line; null when the child exited or <paramref name="timeout"/> passed without one.</returns>
    public string? WaitForStdoutLine(Func<string, bool> match, TimeSpan timeout)
    {
        string? found = null;
        WaitUntil(() => (found = StdoutLines.FirstOrDefault(match)) is not null, timeout);
        return found;
    }

    /// <summary>Waits until something accepts TCP connections on loopback <paramref name="port"/>.</summary>
    /// <returns>Whether it did; false when the child exited or <paramref name="timeout"/> passed first.</returns>
    public bool WaitForPort(int port, TimeSpan timeout) => WaitUntil(() => FreePort.IsListening(port), timeout);

    /// <summary>The last match of <paramref name="pattern"/> in standard error so far, or null.</summary>
    public Match? LastStderrMatch(Regex pattern)
    {
        var matches = pattern.Matches(Stderr);
        return matches.Count == 0 ? null : matches[^1];
    }

    /// <summary>The most memory the process has held resident so far (VmHWM of /proc/PID/status), in bytes.</summary>
    public long PeakResidentBytes => ProcessMemory.PeakResidentBytes(Id) is var bytes and >= 0
        ? bytes
        : throw new InvalidOperationException($"no VmHWM in /proc/{Id}/status");

    /// <summary>Checks <paramref name="condition"/> every 50 ms; stops when the child exits (once its output is read).</summary>
    bool WaitUntil(Func<bool> condition, TimeSpan timeout) => Eventually.Holds(() => condition() || HasExited, timeout) && condition();

    string Text(bool? isError) => string.Join('\n', Lines(isError));

    string[] Lines(bool? isError)
    {
        lock (_gate)
            return [.. _lines.Where(l => isError is null || l.IsError == isError).Select(l => l.Text)];
    }

    void Collect(bool isError, string? line)
    {
        if (line is null)
            return;
        lock (_gate)
        {
            _lines.Enqueue((isError, line));
            if (_lines.Count > _keepLines)
                _lines.Dequeue();
        }
    }
}
