using System.CommandLine;
using Distlog.Cli.Input;
using Distlog.Cli.Sending;

namespace Distlog.Cli.Commands;

/// <summary><c>distlog send [FILE|-]</c>: sends CLEF lines to a collector.</summary>
sealed class SendCommand : Command
{
    readonly CliConsole _console;
    readonly Argument<string> _input = CommonOptions.Input();
    readonly Option<string> _endpoint = CommonOptions.Endpoint(SendOptions.DefaultEndpoint, "The collector's ingest (PULL) endpoint");
    readonly Option<char?> _system = CommonOptions.System("The topic's system letter: P (production, default), S (staging), T (test)");
    readonly Option<InvalidDataMode> _invalidData = CommonOptions.InvalidData();
    readonly Option<string?> _serverKey = CommonOptions.ServerKey();
    readonly Option<string?> _certificate = CommonOptions.Certificate();
    readonly Option<double> _timeout = CommonOptions.Timeout("How long a collector may take to accept each batch, and the last batches to leave");

    /// <summary>Wires the options; the command writes to <paramref name="console"/>.</summary>
    public SendCommand(CliConsole console)
        : base("send", "Send CLEF events to a collector, in batches; prints how many were sent")
    {
        _console = console;
        Add(_input);
        Add(_endpoint);
        Add(_system);
        Add(_invalidData);
        Add(_serverKey);
        Add(_certificate);
        Add(_timeout);
        SetAction((result, cancellationToken) => Task.Run(() => Run(result, cancellationToken), CancellationToken.None));
    }

    int Run(ParseResult result, CancellationToken cancellationToken)
    {
        var path = result.GetValue(_input);
        var options = new SendOptions
        {
            Endpoint = result.GetRequiredValue(_endpoint),
            Curve = CommonOptions.Curve(result.GetValue(_serverKey), result.GetValue(_certificate)),
            System = result.GetValue(_system) ?? 'P',
            InvalidData = result.GetValue(_invalidData),
            Timeout = TimeSpan.FromSeconds(result.GetValue(_timeout)),
        };

        var input = InputFile.Open(path, _console.Input);
        using var owned = input == _console.Input ? null : input;
        var sent = new ClefSender(options, _console.Error).Send(input, InputFile.DisplayName(path), cancellationToken);

        using var output = _console.CreateOutputWriter();
        output.Write($"Sent {sent.Events} event{(sent.Events == 1 ? "" : "s")} to {options.Endpoint}");
        output.WriteLine(sent.InvalidLines > 0 ? $"; skipped {sent.InvalidLines} invalid line{(sent.InvalidLines == 1 ? "" : "s")}" : "");
        return ExitCodes.Success;
    }
}
