using System.CommandLine;
using Distlog.Cli.Filtering;
using Distlog.Cli.Querying;
using Distlog.Cli.Rendering;

namespace Distlog.Cli.Commands;

/// <summary><c>distlog query --db PATH</c>: selects events from the collector's SQLite store.</summary>
sealed class QueryCommand : Command
{
    readonly CliConsole _console;
    readonly Option<string> _db = new("--db")
    {
        Description = "The collector's SQLite store",
        HelpName = "PATH",
        Required = true,
    };
    readonly Option<TaskSelector?> _task = CommonOptions.Task();
    readonly Option<Serilog.Events.LogEventLevel?> _level = CommonOptions.Level();
    readonly Option<string?> _app = CommonOptions.App();
    readonly Option<char?> _system = CommonOptions.System("Only this system: P (production), S (staging), T (test)");
    readonly Option<DateTimeOffset?> _since = CommonOptions.Time("--since", "Only events at or after this time");
    readonly Option<DateTimeOffset?> _until = CommonOptions.Time("--until", "Only events before this time");
    readonly Option<string?> _text = new("--text")
    {
        Description = "Only events whose rendered message contains this text (ASCII letters match either case)",
        HelpName = "TEXT",
    };
    readonly Option<string[]> _property = CommonOptions.Property();
    readonly Option<Serilog.Expressions.CompiledExpression?> _filter = CommonOptions.Filter();
    readonly Option<int> _limit = CommonOptions.Limit(QueryOptions.DefaultLimit,
        "The most recent N matching events, written oldest first");
    readonly Option<OutputFormat?> _format = CommonOptions.Format("Output: text (default), clef or tree", OutputFormat.Text, OutputFormat.Clef, OutputFormat.Tree);
    readonly Option<string?> _template = CommonOptions.Template();
    readonly Option<bool> _ascii = CommonOptions.Ascii();

    /// <summary>Wires the options; the command writes to <paramref name="console"/>.</summary>
    public QueryCommand(CliConsole console)
        : base("query", "Select events from the collector's SQLite store")
    {
        _console = console;
        Add(_db);
        Add(_task);
        Add(_level);
        Add(_app);
        Add(_system);
        Add(_since);
        Add(_until);
        Add(_text);
        Add(_property);
        Add(_filter);
        Add(_limit);
        Add(_format);
        Add(_template);
        Add(_ascii);
        SetAction(Run);
    }

    int Run(ParseResult result)
    {
        var options = new QueryOptions
        {
            Task = result.GetValue(_task),
            MinimumLevel = result.GetValue(_level),
            Application = result.GetValue(_app),
            System = result.GetValue(_system),
            Since = result.GetValue(_since),
            Until = result.GetValue(_until),
            Text = result.GetValue(_text),
            Properties = CommonOptions.Properties(result.GetValue(_property)),
            Expression = result.GetValue(_filter),
            Limit = result.GetValue(_limit),
        };
        var records = new StoreQuery(result.GetRequiredValue(_db), _console.Error).Read(options);
        var output = EventOutputs.Create(result.GetValue(_format) ?? OutputFormat.Text, _console, result.GetValue(_template),
            result.GetValue(_ascii), live: false);
        foreach (var record in records)
            output.Write(record);
        output.Complete();
        return ExitCodes.Success;
    }
}
