using System.Diagnostics;
using System.Text;

namespace Distlog.Cli.Tests.Support;

/// <summary>A built .NET executable run as a child process: <c>dotnet distlog.dll ...</c> (or <c>distlogd.dll</c>).</summary>
sealed class ChildProcess : IDisposable
{
    readonly Process _process;
    readonly StringBuilder _output = new();
    readonly StringBuilder _error = new();
    readonly Lock _gate = new();

    public static ChildProcess Distlog(params string[] args) => new(TestFiles.Path("distlog.dll"), null, args);

    public ChildProcess(string dll, string? workingDirectory, params string[] args)
        : this(StartInfo("dotnet", [dll, .. args], workingDirectory))
    {
    }

    /// <summary>Runs <paramref name="start"/> (see <see cref="StartInfo"/>) with its standard streams captured.</summary>
    public ChildProcess(ProcessStartInfo start)
    {
        _process = Process.Start(start)!;
        _process.OutputDataReceived += (_, e) => Append(_output, e.Data);
        _process.ErrorDataReceived += (_, e) => Append(_error, e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    public int Id => _process.Id;

    /// <summary>How a child is started here: <paramref name="program"/> with <paramref name="args"/>, streams redirected, NO_COLOR.</summary>
    public static ProcessStartInfo StartInfo(string program, IEnumerable<string> args, string? workingDirectory = null)
    {
        var start = new ProcessStartInfo(program)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? "",
        };
        foreach (var arg in args)
            start.ArgumentList.Add(arg);
        start.Environment["NO_COLOR"] = "1";
        return start;
    }

    public string Output
    {
        get { lock (_gate) return _output.ToString(); }
    }

    public string Error
    {
        get { lock (_gate) return _error.ToString(); }
    }

    public static CliResult Run(string stdin, params string[] args)
    {
        using var process = Distlog(args);
        process.WriteInput(stdin);
        var exit = process.WaitForExit(TimeSpan.FromSeconds(30));
        return new CliResult(exit, process.Output, process.Error);
    }

    public void WriteInput(string text)
    {
        _process.StandardInput.Write(text);
        _process.StandardInput.Close();
    }

    public int WaitForExit(TimeSpan timeout)
    {
        if (!_process.WaitForExit(timeout))
        {
            _process.Kill(entireProcessTree: true);
            Assert.Fail($"distlog did not exit within {timeout}:\n{Output}\n{Error}");
        }

        _process.WaitForExit();
        return _process.ExitCode;
    }

    /// <summary>Sends SIGINT (as Ctrl-C does), or another signal, to this child only.</summary>
    public void Interrupt(string signal = "-INT")
    {
        using var kill = Process.Start("kill", [signal, _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        kill.WaitForExit();
    }

    /// <summary>Waits until standard error shows <paramref name="text"/>.</summary>
    public void WaitForError(string text, TimeSpan timeout) => WaitFor(() => Error, "stderr", text, timeout);

    /// <summary>Waits until standard output shows <paramref name="text"/>.</summary>
    public void WaitForOutput(string text, TimeSpan timeout) => WaitFor(() => Output, "stdout", text, timeout);

    void WaitFor(Func<string> stream, string name, string text, TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        while (!stream().Contains(text, StringComparison.Ordinal))
        {
            if (_process.HasExited || clock.Elapsed > timeout)
                Assert.Fail($"'{text}' did not appear on {name}:\n{Output}\n{Error}");
            Thread.Sleep(50);
        }
    }

    void Append(StringBuilder builder, string? line)
    {
        if (line is null)
            return;
        lock (_gate)
            builder.Append(line).Append('\n');
    }

    public void Dispose()
    {
        if (!_process.HasExited)
            _process.Kill(entireProcessTree: true);
        _process.Dispose();
    }
}
