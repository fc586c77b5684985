using System.Globalization;
using Distlog.Cli.Filtering;
using Distlog.Rendering;
using Distlog.Tasks;
using Serilog.Events;
using Serilog.Formatting;

namespace Distlog.Cli.Rendering;

/// <summary>
/// The text layout used without <c>--template</c>: <c>[HH:mm:ss LVL] message ⇒ status</c>, a line end, and the
/// exception's lines below. Every value taken from an event passes through <see cref="ControlCharacters"/>; only
/// exceptions keep their line feeds and tabs. With colour on, the level, the timestamp and a task's status carry ANSI
/// colours (those are the renderer's own, never the event's). Immutable and thread-safe; the writer is the caller's.
/// </summary>
sealed class TextRenderer : ITextFormatter
{
    /// <summary>Ends a colour.</summary>
    public const string Reset = "\u001b[0m";

    /// <summary>The colour of timestamps (grey).</summary>
    public const string Dim = "\u001b[90m";

    const string TimeFormat = "HH:mm:ss";

    readonly bool _colour;

    /// <summary>Creates a renderer; <paramref name="colour"/> adds ANSI colours for a terminal.</summary>
    public TextRenderer(bool colour = false)
    {
        _colour = colour;
    }

    /// <summary>Writes one event.</summary>
    public void Format(LogEvent logEvent, TextWriter output)
    {
        output.Write('[');
        WriteColoured(output, Dim, logEvent.Timestamp.ToString(TimeFormat, CultureInfo.InvariantCulture));
        output.Write(' ');
        WriteColoured(output, LevelColour(logEvent.Level), LevelNames.Upper3(logEvent.Level));
        output.Write("] ");
        output.Write(ControlCharacters.Escape(logEvent.RenderMessage(CultureInfo.InvariantCulture)));
        if (EventFields.GetText(logEvent, EventFields.TaskStatusName) is { } status)
            WriteColoured(output, StatusColour(status), $" ⇒ {ControlCharacters.Escape(status.ToLowerInvariant())}");
        output.WriteLine();
        if (logEvent.Exception is not null)
        {
            ControlCharacters.Write(output, logEvent.Exception.ToString().TrimEnd('\n', '\r').Replace("\r\n", "\n", StringComparison.Ordinal), keepLineFeedAndTab: true);
            output.WriteLine();
        }
    }

    /// <summary>The ANSI colour of a level, following Serilog's console theme.</summary>
    public static string LevelColour(LogEventLevel level) => level switch
    {
        LogEventLevel.Verbose => Dim,
        LogEventLevel.Debug => "\u001b[37m",
        LogEventLevel.Information => "\u001b[97m",
        LogEventLevel.Warning => "\u001b[33m",
        LogEventLevel.Error => "\u001b[31m",
        _ => "\u001b[97;41m",
    };

    /// <summary>The ANSI colour of a task status: succeeded green, failed red, started (and anything else) cyan.</summary>
    public static string StatusColour(string status) => status switch
    {
        TaskProperties.Succeeded => "\u001b[32m",
        TaskProperties.Failed => "\u001b[31m",
        _ => "\u001b[36m",
    };

    void WriteColoured(TextWriter output, string colour, string text)
    {
        if (!_colour)
        {
            output.Write(text);
            return;
        }

        output.Write(colour);
        output.Write(text);
        output.Write(Reset);
    }
}
