using System.CommandLine;
using Distlog.Cli.Filtering;
using Distlog.Cli.Rendering;
using Distlog.Cli.Tailing;

namespace Distlog.Cli.Commands;

/// <summary><c>distlog tail</c>: follows the collector's publish socket until Ctrl-C or <c>--count</c>.</summary>
sealed class TailCommand : Command
{
    readonly CliConsole _console;
    readonly Option<string> _endpoint = CommonOptions.Endpoint(TailOptions.DefaultEndpoint, "The collector's publish (PUB) endpoint");
    readonly Option<Serilog.Events.LogEventLevel?> _level = CommonOptions.Level();
    readonly Option<string?> _app = CommonOptions.App();
    readonly Option<TaskSelector?> _task = CommonOptions.Task();
    readonly Option<Serilog.Expressions.CompiledExpression?> _filter = CommonOptions.Filter();
    readonly Option<char?> _system = CommonOptions.System("Only this system: P (production), S (staging), T (test); default all three");
    readonly Option<OutputFormat?> _format = CommonOptions.Format(
        "Output: clef, text or tree; default clef when standard output is redirected, coloured text on a terminal",
        OutputFormat.Clef, OutputFormat.Text, OutputFormat.Tree);
    readonly Option<string?> _template = CommonOptions.Template();
    readonly Option<bool> _ascii = CommonOptions.Ascii();
    readonly Option<long?> _count = CommonOptions.Count("--count", "-c", "Stop after this many events (default: run until Ctrl-C)");
    readonly Option<double?> _timeout = CommonOptions.WaitTimeout(
        "Give up (exit 1) when the endpoint accepts no connection within this time; default: wait and retry until it does");
    readonly Option<string?> _serverKey = CommonOptions.ServerKey();
    readonly Option<string?> _certificate = CommonOptions.Certificate();

    /// <summary>Wires the options; the command writes to <paramref name="console"/>.</summary>
    public TailCommand(CliConsole console)
        : base("tail", "Follow the events a collector publishes, until Ctrl-C")
    {
        _console = console;
        Add(_endpoint);
        Add(_level);
        Add(_app);
        Add(_task);
        Add(_system);
        Add(_filter);
        Add(_format);
        Add(_template);
        Add(_ascii);
        Add(_count);
        Add(_serverKey);
        Add(_certificate);
        Add(_timeout);
        SetAction(RunAsync);
    }

    async Task<int> RunAsync(ParseResult result, CancellationToken cancellationToken)
    {
        var options = new TailOptions
        {
            Endpoint = result.GetRequiredValue(_endpoint),
            Curve = CommonOptions.Curve(result.GetValue(_serverKey), result.GetValue(_certificate)),
            MinimumLevel = result.GetValue(_level),
            Application = result.GetValue(_app),
            Task = result.GetValue(_task),
            Expression = result.GetValue(_filter),
            Systems = result.GetValue(_system) is { } system ? [system] : TailOptions.AllSystems,
            Count = result.GetValue(_count),
            ConnectTimeout = result.GetValue(_timeout) is { } seconds ? TimeSpan.FromSeconds(seconds) : null,
        };
        var format = result.GetValue(_format) ?? (_console.IsOutputRedirected ? OutputFormat.Clef : OutputFormat.Text);
        var output = EventOutputs.Create(format, _console, result.GetValue(_template), result.GetValue(_ascii), live: true);

        // Ctrl-C is how tail is meant to end: it is a success.
        try
        {
            await new EventTail(options, output, _console.Error).RunAsync(cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }

        return ExitCodes.Success;
    }
}
