using System.Globalization;
using Distlog.Load.Children;

namespace Distlog.Load.Harness;

/// <summary>
/// Another role of this program (<c>dotnet Distlog.Load.dll ROLE --name value...</c>) in its own process: it reports
/// READY (and WARM, RESULT) lines on stdout and starts its measurement when <c>GO</c> arrives on its stdin. Given
/// <see cref="ExitGrace"/> to exit by itself on dispose, then killed.
/// </summary>
sealed class RoleProcess : IDisposable
{
    static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(30);
    static readonly TimeSpan ExitGrace = TimeSpan.FromSeconds(5);

    readonly ChildProcess _process;
    readonly string _role;

    RoleProcess(ChildProcess process, string role)
    {
        _process = process;
        _role = role;
    }

    public static RoleProcess Start(string role, params (string Name, object Value)[] args) => Start(role, [], args);

    /// <summary>As <see cref="Start(string, (string, object)[])"/>, with <paramref name="environment"/> set for the child.</summary>
    public static RoleProcess Start(string role, IReadOnlyList<KeyValuePair<string, string>> environment, params (string Name, object Value)[] args)
    {
        var host = Environment.ProcessPath ?? "dotnet";
        List<string> arguments = Path.GetFileNameWithoutExtension(host) == "dotnet" ? [typeof(RoleProcess).Assembly.Location, role] : [role];
        foreach (var (name, value) in args)
            arguments.AddRange(["--" + name, Convert.ToString(value, CultureInfo.InvariantCulture)!]);

        var start = ChildProcess.StartInfo(host, arguments);
        foreach (var (name, value) in environment)
            start.Environment[name] = value;
        return new RoleProcess(new ChildProcess(start, role), role);
    }

    public KeyValues WaitForReady() => WaitFor(ChildConsole.Ready, StartTimeout);

    /// <summary>Waits for the child's line of <paramref name="kind"/>; throws, with its stderr, when it exits or times out first.</summary>
    public KeyValues WaitFor(string kind, TimeSpan timeout)
    {
        var line = _process.WaitForStdoutLine(l => l == kind || l.StartsWith(kind + " ", StringComparison.Ordinal), timeout);
        return line is not null
            ? new KeyValues(line)
            : throw new LoadException($"The '{_role}' child did not report {kind} within {timeout.TotalSeconds:0} s. Its stderr:\n{_process.Stderr.Trim()}");
    }

    public void Go() => _process.WriteLine(ChildConsole.Go);

    public void Dispose()
    {
        _process.Exits(ExitGrace);
        _process.Dispose();
    }
}
