using System.Text;
using Distlog.Cli.Commands;

namespace Distlog.Cli.Tests.Support;

/// <summary>Runs the whole command line in-process against memory streams.</summary>
static class CliRun
{
    public static async Task<CliResult> RunAsync(string[] args, string stdin = "", bool redirected = true, CancellationToken cancellationToken = default)
    {
        var output = new MemoryStream();
        var error = new StringWriter { NewLine = "\n" };
        var console = new CliConsole(new MemoryStream(Encoding.UTF8.GetBytes(stdin)), output, error, redirected);
        var exitCode = await DistlogCli.RunAsync(args, console, cancellationToken);
        return new CliResult(exitCode, Encoding.UTF8.GetString(output.ToArray()), error.ToString());
    }

    public static CliResult Run(params string[] args) => RunAsync(args).GetAwaiter().GetResult();
}
