using System.CommandLine;
using Distlog.Cli.Filtering;
using Distlog.Cli.Input;
using Distlog.Cli.Querying;
using Distlog.Cli.Rendering;

namespace Distlog.Cli.Commands;

/// <summary><c>distlog tree [FILE...|-] [--db PATH]</c>: rebuilds task trees from CLEF or the store and draws them.</summary>
sealed class TreeCommand : Command
{
    /// <summary>Without <c>--task</c>, <c>--db</c> draws the trees of this many most recent events.</summary>
    public const int DefaultDatabaseLimit = 10_000;

    readonly CliConsole _console;
    readonly Argument<string[]> _input = CommonOptions.Inputs();
    readonly Option<string?> _db = new("--db")
    {
        Description = "Read the collector's SQLite store instead of CLEF",
        HelpName = "PATH",
    };
    readonly Option<TaskSelector?> _task = CommonOptions.Task();
    readonly Option<Serilog.Expressions.CompiledExpression?> _filter = CommonOptions.Filter();
    readonly Option<bool> _ascii = CommonOptions.Ascii();
    readonly Option<int> _limit = CommonOptions.Limit(DefaultDatabaseLimit,
        "With --db and without --task: draw the trees of the most recent N events");
    readonly Option<InvalidDataMode> _invalidData = CommonOptions.InvalidData();

    /// <summary>Wires the options; the command writes to <paramref name="console"/>.</summary>
    public TreeCommand(CliConsole console)
        : base("tree", "Draw task trees (status, duration, nesting, failures) from CLEF or the store")
    {
        _console = console;
        Add(_input);
        Add(_db);
        Add(_task);
        Add(_filter);
        Add(_ascii);
        Add(_limit);
        Add(_invalidData);
        Validators.Add(result =>
        {
            if (result.GetValue(_db) is not null && !(result.GetValue(_input) ?? []).All(InputFile.IsStandardInput))
                result.AddError("give a FILE or --db, not both");
        });
        SetAction(Run);
    }

    int Run(ParseResult result)
    {
        var task = result.GetValue(_task);
        var filter = new EventFilter { Task = task, Expression = result.GetValue(_filter) };
        var output = new TreeOutput(_console.CreateOutputWriter(), new TaskTreeRenderer(result.GetValue(_ascii), _console.UseColour));
        try
        {
            foreach (var record in Read(result, task))
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

    IEnumerable<ClefRecord> Read(ParseResult result, TaskSelector? task)
    {
        if (result.GetValue(_db) is { } db)
            return new StoreQuery(db, _console.Error).Read(new QueryOptions { Task = task, Limit = task is null ? result.GetValue(_limit) : null });

        return InputFile.ReadAll(result.GetRequiredValue(_input), result.GetValue(_invalidData), _console);
    }
}
