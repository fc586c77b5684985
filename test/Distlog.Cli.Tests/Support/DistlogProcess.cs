namespace Distlog.Cli.Tests.Support;

/// <summary>The built <c>distlog</c> (<c>dotnet distlog.dll ...</c>) run as a child process.</summary>
static class DistlogProcess
{
    static readonly TimeSpan RunTimeout = TimeSpan.FromSeconds(30);

    public static ChildProcess Start(params string[] args) => ChildProcess.Dotnet("distlog.dll", args);

    /// <summary>Runs <c>distlog <paramref name="args"/></c> with <paramref name="stdin"/> as its input, to its end.</summary>
    public static CliResult Run(string stdin, params string[] args)
    {
        using var process = Start(args);
        process.WriteInput(stdin);
        process.WaitForExit(RunTimeout);
        return CliResult.Of(process);
    }
}
