using System.CommandLine;
using Distlog.Cli.Filtering;
using Distlog.Cli.Input;
using Distlog.Cli.Rendering;

namespace Distlog.Cli.Commands;

/// <summary><c>distlog print [FILE|-]</c>: renders CLEF as text, or filters it and writes CLEF again.</summary>
internal sealed class PrintCommand : Command
{
    readonly CliConsole _console;
    readonly Argument<string> _input = CommonOptions.Input();
    readonly Option<OutputFormat?> _format = CommonOptions.Format("Output: text (default) or clef (the matching lines, unchanged)", OutputFormat.Text, OutputFormat.Clef);
    readonly Option<OutputTemplate> _template = CommonOptions.Template();
    readonly Option<Serilog.Events.LogEventLevel?> _level = CommonOptions.Level();
    readonly Option<string?> _app = CommonOptions.App();
    readonly Option<TaskSelector?> _task = CommonOptions.Task();
    readonly Option<string[]> _property = new("--property", "-p")
    {
        Description = "Only events whose property NAME has this VALUE (as text); repeat for more, all must match",
        HelpName = "NAME=VALUE",
        CustomParser = ParseProperties,
    };
    readonly Option<InvalidDataMode> _invalidData = CommonOptions.InvalidData();

    /// <summary>Wires the options; the command writes to <paramref name="console"/>.</summary>
    public PrintCommand(CliConsole console)
        : base("print", "Render CLEF events as text (or filter them as CLEF)")
    {
        _console = console;
        Add(_input);
        Add(_format);
        Add(_template);
        Add(_level);
        Add(_app);
        Add(_task);
        Add(_property);
        Add(_invalidData);
        SetAction(Run);
    }

    int Run(ParseResult result)
    {
        var path = result.GetValue(_input);
        var filter = new EventFilter
        {
            MinimumLevel = result.GetValue(_level),
            Application = result.GetValue(_app),
            Task = result.GetValue(_task),
            Properties = (result.GetValue(_property) ?? []).Select(p => KeyValuePair.Create(p[..p.IndexOf('=')], p[(p.IndexOf('=') + 1)..])).ToList(),
        };
        var output = EventOutputs.Create(result.GetValue(_format) ?? OutputFormat.Text, _console, result.GetRequiredValue(_template), ascii: false, live: false);
        var reader = new ClefEventReader(result.GetValue(_invalidData), _console.Error, InputFile.DisplayName(path));
        var input = InputFile.Open(path, _console.Input);
        using var owned = input == _console.Input ? null : input;
        try
        {
            foreach (var record in reader.Read(input))
            {
                if (filter.Matches(record.Event))
                    output.Write(record);
            }
        }
        finally
        {
            output.Complete();
        }

        return ExitCodes.Success;
    }

    static string[] ParseProperties(System.CommandLine.Parsing.ArgumentResult result)
    {
        var pairs = result.Tokens.Select(t => t.Value).ToArray();
        foreach (var pair in pairs.Where(p => p.IndexOf('=') <= 0))
            result.AddError($"'{pair}' is not NAME=VALUE");
        return pairs;
    }
}
