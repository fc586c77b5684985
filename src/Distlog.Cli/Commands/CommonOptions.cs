using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using Distlog.Cli.Filtering;
using Distlog.Cli.Input;
using Distlog.Cli.Querying;
using Distlog.Cli.Rendering;
using Distlog.Expressions;
using Distlog.Transport;
using Serilog.Events;
using Serilog.Expressions;

namespace Distlog.Cli.Commands;

/// <summary>Builds the options and arguments several commands share, each with its parser and help text.</summary>
static class CommonOptions
{
    /// <summary><c>[FILE|-]</c>: a CLEF file, or standard input for <c>-</c> or nothing.</summary>
    public static Argument<string> Input()
    {
        var input = new Argument<string>("FILE")
        {
            Description = "A CLEF file (one JSON event per line), or - for standard input",
            DefaultValueFactory = _ => InputFile.StandardInput,
        };

        // An unknown option would otherwise be taken for a file name; a file called "-x" is still "./-x".
        input.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<string>() is ['-', _, ..] value)
                result.AddError($"Unrecognized option '{value}'");
        });
        return input;
    }

    /// <summary><c>[FILE...|-]</c>: CLEF files read one after another (rolled daily files), or standard input.</summary>
    public static Argument<string[]> Inputs()
    {
        var inputs = new Argument<string[]>("FILE")
        {
            Description = "CLEF files (one JSON event per line), read in the order given, e.g. rolled logs/distlog-*.clef; - for standard input",
            Arity = ArgumentArity.ZeroOrMore,
            DefaultValueFactory = _ => [InputFile.StandardInput],
        };

        inputs.Validators.Add(result =>
        {
            foreach (var token in result.Tokens)
            {
                if (token.Value is ['-', _, ..])
                    result.AddError($"Unrecognized option '{token.Value}'");
            }
        });
        return inputs;
    }

    /// <summary><c>--property NAME=VALUE</c>, repeatable.</summary>
    public static Option<string[]> Property() => new("--property", "-p")
    {
        Description = "Only events whose property NAME has this VALUE (as text); repeat for more, all must match",
        HelpName = "NAME=VALUE",
        CustomParser = ParseProperties,
    };

    /// <summary>The pairs of <see cref="Property"/>, split at the first <c>=</c>.</summary>
    public static IReadOnlyList<KeyValuePair<string, string>> Properties(string[]? pairs) =>
        (pairs ?? []).Select(p => KeyValuePair.Create(p[..p.IndexOf('=')], p[(p.IndexOf('=') + 1)..])).ToList();

    /// <summary><c>--endpoint</c> with a default.</summary>
    public static Option<string> Endpoint(string defaultEndpoint, string description) => new("--endpoint", "-e")
    {
        Description = description,
        HelpName = "ENDPOINT",
        DefaultValueFactory = _ => defaultEndpoint,
    };

    /// <summary><c>--level</c>: a minimum level.</summary>
    public static Option<LogEventLevel?> Level() => new("--level", "-l")
    {
        Description = $"Minimum level: {LevelNames.Accepted}",
        HelpName = "LEVEL",
        CustomParser = result => LevelNames.TryParse(Single(result), out var level) ? level : Fail<LogEventLevel?>(result,
            $"'{Single(result)}' is not a level; use {LevelNames.Accepted}"),
    };

    /// <summary><c>--app</c>: an exact application name.</summary>
    public static Option<string?> App() => new("--app", "-a")
    {
        Description = "Only events of this application (the Application property, exact match)",
        HelpName = "NAME",
    };

    /// <summary><c>--task</c>: a root id or task id.</summary>
    public static Option<TaskSelector?> Task() => new("--task", "-t")
    {
        Description = "Only this task tree: a root id, or a task id (root/1/2) for that subtask and its subtasks",
        HelpName = "ROOT",
        CustomParser = result => TaskSelector.Parse(Single(result)) ?? Fail<TaskSelector?>(result,
            $"'{Single(result)}' is not a task id; give the root (e.g. 4bf92f3577b34da6a3ce929d0e0e4736) or root/1/2"),
    };

    /// <summary><c>--system</c>: one of the topic's system letters.</summary>
    public static Option<char?> System(string description) => new("--system")
    {
        Description = description,
        HelpName = "P|S|T",
        CustomParser = result => Single(result)?.ToUpperInvariant() is ['P' or 'S' or 'T'] letter ? letter[0] : Fail<char?>(result,
            $"'{Single(result)}' is not a system; use P (production), S (staging) or T (test)"),
    };

    /// <summary><c>--format</c> restricted to <paramref name="formats"/>; null where not given.</summary>
    public static Option<OutputFormat?> Format(string description, params OutputFormat[] formats)
    {
        var names = string.Join('|', formats.Select(f => f.ToString().ToLowerInvariant()));
        return new Option<OutputFormat?>("--format", "-f")
        {
            Description = description,
            HelpName = names,
            CustomParser = result => Enum.TryParse<OutputFormat>(Single(result), ignoreCase: true, out var format) && formats.Contains(format)
                ? format
                : Fail<OutputFormat?>(result, $"'{Single(result)}' is not a format here; use {names}"),
        };
    }

    /// <summary><c>--template</c>: a Serilog.Expressions template, checked while parsing; null for the default layout.</summary>
    public static Option<string?> Template() => new("--template")
    {
        Description = "Text layout, a Serilog.Expressions template, e.g. \"{@t:HH:mm:ss} {@l:u3} {Application} {@m}\"; each event ends with "
            + "a line end. Default: [{@t:HH:mm:ss} {@l:u3}] {@m}, the task's status, then the exception's lines",
        HelpName = "TEMPLATE",
        CustomParser = result => TemplateRenderer.TryParse(Single(result) ?? "", colour: false, out _, out var error)
            ? Single(result)
            : Fail<string?>(result, $"--template \"{Single(result)}\" is not a Serilog.Expressions template: {error}"),
    };

    /// <summary><c>--filter</c>: a Serilog.Expressions condition, compiled while parsing; null for none.</summary>
    public static Option<CompiledExpression?> Filter() => new("--filter")
    {
        Description = "Only events for which this Serilog.Expressions condition is true, e.g. \"@l = 'Error' and Application = 'orders'\" "
            + "or \"TaskKey like '%@4bf92f35%'\"",
        HelpName = "EXPR",
        CustomParser = result => Conditions.TryCompile(Single(result) ?? "", out var compiled, out var error)
            ? compiled
            : Fail<CompiledExpression?>(result, $"--filter \"{Single(result)}\" is not a Serilog.Expressions condition: {error}"),
    };

    /// <summary><c>--ascii</c>: plain tree glyphs.</summary>
    public static Option<bool> Ascii() => new("--ascii")
    {
        Description = "Draw trees with ASCII only (+ x ... instead of ✓ ✗ …), for plain terminals",
    };

    /// <summary><c>--invalid-data</c>, as clef-tool has it.</summary>
    public static Option<InvalidDataMode> InvalidData() => new("--invalid-data")
    {
        Description = "A line that is not CLEF: fail (stop, name the line, exit 1), ignore (skip), report (skip and tell on stderr)",
        HelpName = "fail|ignore|report",
        DefaultValueFactory = _ => InvalidDataMode.Fail,
        CustomParser = result => Single(result)?.ToLowerInvariant() switch
        {
            "fail" => InvalidDataMode.Fail,
            "ignore" => InvalidDataMode.Ignore,
            "report" => InvalidDataMode.Report,
            _ => Fail<InvalidDataMode>(result, $"'{Single(result)}' is not a mode; use fail, ignore or report"),
        },
    };

    /// <summary><c>--timeout</c> in seconds, 5 unless given.</summary>
    public static Option<double> Timeout(string description) => new("--timeout")
    {
        Description = description,
        HelpName = "SECONDS",
        DefaultValueFactory = _ => 5,
        CustomParser = result => double.TryParse(Single(result), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var seconds) && seconds > 0
            ? seconds
            : Fail<double>(result, $"'{Single(result)}' is not a positive number of seconds"),
    };

    /// <summary><c>--timeout</c> in seconds, without a default: null means wait until Ctrl-C.</summary>
    public static Option<double?> WaitTimeout(string description) => new("--timeout")
    {
        Description = description,
        HelpName = "SECONDS",
        CustomParser = result => double.TryParse(Single(result), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var seconds) && seconds > 0
            ? seconds
            : Fail<double?>(result, $"'{Single(result)}' is not a positive number of seconds"),
    };

    /// <summary>A positive whole number option without a default, such as <c>--count</c>.</summary>
    public static Option<long?> Count(string name, string alias, string description) => new(name, alias)
    {
        Description = description,
        HelpName = "N",
        CustomParser = result => long.TryParse(Single(result), NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0
            ? n
            : Fail<long?>(result, $"'{Single(result)}' is not a positive whole number"),
    };

    /// <summary><c>--since</c>/<c>--until</c>: an instant, absolute or back from now.</summary>
    public static Option<DateTimeOffset?> Time(string name, string description) => new(name)
    {
        Description = $"{description}: {TimeArgument.Accepted}",
        HelpName = "TIME",
        CustomParser = result => TimeArgument.TryParse(Single(result) ?? "", DateTimeOffset.UtcNow, out var time) ? time : Fail<DateTimeOffset?>(result,
            $"'{Single(result)}' is not a time; use {TimeArgument.Accepted}"),
    };

    /// <summary><c>--limit</c>: a positive count.</summary>
    public static Option<int> Limit(int defaultLimit, string description) => new("--limit", "-n")
    {
        Description = description,
        HelpName = "N",
        DefaultValueFactory = _ => defaultLimit,
        CustomParser = result => int.TryParse(Single(result), NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0
            ? n
            : Fail<int>(result, $"'{Single(result)}' is not a positive whole number"),
    };

    static string[] ParseProperties(ArgumentResult result)
    {
        var pairs = result.Tokens.Select(t => t.Value).ToArray();
        foreach (var pair in pairs.Where(p => p.IndexOf('=') <= 0))
            result.AddError($"'{pair}' is not NAME=VALUE");
        return pairs;
    }

    /// <summary><c>--server-key</c>: the collector's CURVE public key, or its public certificate.</summary>
    public static Option<string?> ServerKey() => new("--server-key")
    {
        Description = "The collector's CURVE public key (40 Z85 characters) or the path of its public certificate; with --certificate",
        HelpName = "KEY|FILE",
    };

    /// <summary><c>--certificate</c>: this client's secret CURVE certificate.</summary>
    public static Option<string?> Certificate() => new("--certificate")
    {
        Description = "This client's secret CURVE certificate (NAME_secret, from distlog keygen NAME); with --server-key",
        HelpName = "FILE",
    };

    /// <summary>The CURVE client of <c>--server-key</c> and <c>--certificate</c>; null where neither is given.</summary>
    public static ZmqCurveClient? Curve(string? serverKey, string? certificate)
    {
        if (string.IsNullOrWhiteSpace(serverKey) != string.IsNullOrWhiteSpace(certificate))
            throw new CliException("CURVE needs both --server-key (the collector's public key) and --certificate (your secret certificate); give both or neither", ExitCodes.Usage);
        try
        {
            return ZmqCurveClient.Load(serverKey, certificate);
        }
        catch (InvalidDataException ex)
        {
            throw new CliException(ex.Message, ExitCodes.Failure, ex);
        }
    }

    /// <summary>The one token of a single-valued option.</summary>
    public static string? Single(ArgumentResult result) => result.Tokens.Count > 0 ? result.Tokens[^1].Value : null;

    /// <summary>Records a parse error and returns a placeholder value, which is never used.</summary>
    public static T Fail<T>(ArgumentResult result, string message)
    {
        result.AddError(message);
        return default!;
    }
}
