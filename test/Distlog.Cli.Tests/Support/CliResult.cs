namespace Distlog.Cli.Tests.Support;

/// <summary>What a command line run left behind.</summary>
sealed record CliResult(int ExitCode, string Output, string Error)
{
    public string[] OutputLines => Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);

    /// <summary>What <paramref name="process"/> left behind once it exited, each line of its output ended by <c>\n</c>.</summary>
    public static CliResult Of(ChildProcess process) =>
        new(process.ExitCode, Text(process.StdoutLines), Text(process.StderrLines));

    public override string ToString() => $"exit {ExitCode}\n--- stdout\n{Output}\n--- stderr\n{Error}";

    static string Text(string[] lines) => string.Concat(lines.Select(line => line + "\n"));
}
