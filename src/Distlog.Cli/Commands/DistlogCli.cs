using System.CommandLine;
using Distlog.Rendering;

namespace Distlog.Cli.Commands;

/// <summary>
/// The command line as a whole: builds the root command, parses, and turns every failure into one line on
/// standard error and an exit code (see <see cref="ExitCodes"/>). Tests run it in-process against memory streams.
/// </summary>
static class DistlogCli
{
    /// <summary>The executable's name, used in messages.</summary>
    public const string Name = "distlog";

    // A token starting with '@' is a Serilog.Expressions condition (--filter "@l = 'Error'"), never a response file.
    static readonly ParserConfiguration Parsing = new() { ResponseFileTokenReplacer = null };

    /// <summary>The root command with every subcommand, writing to <paramref name="console"/>.</summary>
    public static RootCommand Build(CliConsole console) => new("distlog: follow, send, print, draw and query Distlog events (CLEF); make CURVE keys.")
    {
        new TailCommand(console),
        new SendCommand(console),
        new PrintCommand(console),
        new TreeCommand(console),
        new QueryCommand(console),
        new KeygenCommand(console),
    };

    /// <summary>Runs <paramref name="args"/>; cancelling <paramref name="cancellationToken"/> is Ctrl-C.</summary>
    public static async Task<int> RunAsync(string[] args, CliConsole console, CancellationToken cancellationToken)
    {
        var root = Build(console);
        using var output = console.CreateOutputWriter();
        var configuration = new InvocationConfiguration
        {
            Output = output,
            Error = console.Error,
            EnableDefaultExceptionHandler = false,
            // Ctrl-C is handled by the caller's token, so that tail can end with 0.
            ProcessTerminationTimeout = null,
        };

        try
        {
            var parse = root.Parse(args.Length == 0 ? ["--help"] : args, Parsing);
            // System.CommandLine says "Required command was not provided" for a typo; the user needs the typo named.
            if (parse.Errors.Count > 0 && parse.CommandResult.Command == root && args is [var first, ..] && !first.StartsWith('-'))
            {
                console.Error.WriteLine($"{Name}: unknown command '{ControlCharacters.Escape(first)}'{CommandSuggestion.For(first, root)} See '{Name} --help'.");
                return ExitCodes.Usage;
            }

            if (parse.Errors.Count > 0)
            {
                var command = parse.CommandResult.Command;
                var help = command == root ? $"{Name} --help" : $"{Name} {command.Name} --help";
                console.Error.WriteLine($"{Name}: {OneLine(parse.Errors[0].Message).TrimEnd('.')}. See '{help}'.");
                return ExitCodes.Usage;
            }

            var exitCode = await parse.InvokeAsync(configuration, cancellationToken);
            return args.Length == 0 ? ExitCodes.Usage : exitCode;
        }
        catch (CliException ex)
        {
            return Report(console, ex.Message, ex.ExitCode);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return ExitCodes.Interrupted;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or DllNotFoundException)
        {
            return Report(console, ex.Message, ExitCodes.Failure);
        }
        catch (Exception ex)
        {
            // A bug rather than a user error: still one line, with the type to search for.
            return Report(console, $"unexpected {ex.GetType().Name}: {ex.Message}", ExitCodes.Failure);
        }
        finally
        {
            await output.FlushAsync(CancellationToken.None);
        }
    }

    static int Report(CliConsole console, string message, int exitCode)
    {
        console.Error.WriteLine($"{Name}: {OneLine(ControlCharacters.Escape(message, keepLineFeedAndTab: true))}");
        return exitCode;
    }

    // System.CommandLine's messages and exception messages may span lines; the user gets one.
    static string OneLine(string message) =>
        string.Join(' ', message.Split(['\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
}
