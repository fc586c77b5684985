using System.CommandLine;
using Distlog.Cli.Filtering;
using Distlog.Cli.Input;
using Distlog.Cli.Rendering;

namespace Distlog.Cli.Commands;

/// <summary><c>distlog print [FILE...|-]</c>: renders CLEF as text, or filters it and writes CLEF again.</summary>
sealed class PrintCommand : Command
{
    readonly CliConsole _console;
    readonly Argument<string[]> _input = CommonOptions.Inputs();
    readonly Option<OutputFormat?> _format = CommonOptions.Format("Output: text (default) or clef (the matching lines, unchanged)", OutputFormat.Text, OutputFormat.Clef);
    readonly Option<string?> _template = CommonOptions.Template();
    readonly Option<Serilog.Events.LogEventLevel?> _level = CommonOptions.Level();
    readonly Option<string?> _app = CommonOptions.App();
    readonly Option<TaskSelector?> _task = CommonOptions.Task();
    readonly Option<string[]> _property = CommonOptions.Property();
    readonly Option<Serilog.Expressions.CompiledExpression?> _filter = CommonOptions.Filter();
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
        Add(_filter);
        Add(_invalidData);
        SetAction(Run);
    }

    int Run(ParseResult result)
    {
        var filter = new EventFilter
        {
            MinimumLevel = result.GetValue(_level),
            Application = result.GetValue(_app),
            Task = result.GetValue(_task),
            Properties = CommonOptions.Properties(result.GetValue(_property)),
            Expression = result.GetValue(_filter),
        };
        var output = EventOutputs.Create(result.GetValue(_format) ?? OutputFormat.Text, _console, result.GetValue(_template), ascii: false, live: false);
        try
        {
            foreach (var record in InputFile.ReadAll(result.GetRequiredValue(_input), result.GetValue(_invalidData), _console))
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
}
