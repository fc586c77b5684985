using System.Globalization;
using Distlog.Cli.Filtering;
using Distlog.Rendering;
using Serilog.Events;

namespace Distlog.Cli.Rendering;

/// <summary>
/// Writes events as text through an <see cref="OutputTemplate"/>. Every value taken from an event passes through
/// <see cref="ControlCharacters"/>; only exceptions keep their line feeds and tabs. With colour on, the level
/// the timestamp and a task's status carry ANSI colours (those are the renderer's own, never the event's).
/// Immutable and thread-safe; the writer is the caller's.
/// </summary>
internal sealed class TextRenderer
{
    /// <summary>Ends a colour.</summary>
    public const string Reset = "\u001b[0m";

    /// <summary>The colour of timestamps (grey).</summary>
    public const string Dim = "\u001b[90m";

    readonly OutputTemplate _template;
    readonly bool _colour;

    /// <summary>Creates a renderer; <paramref name="colour"/> adds ANSI colours for a terminal.</summary>
    public TextRenderer(OutputTemplate template, bool colour = false)
    {
        _template = template;
        _colour = colour;
    }

    /// <summary>Writes one event.</summary>
    public void Render(LogEvent logEvent, TextWriter output)
    {
        foreach (var token in _template.Tokens)
        {
            switch (token.Kind)
            {
                case TemplateTokenKind.Text:
                    output.Write(token.Text);
                    break;
                case TemplateTokenKind.NewLine:
                    output.WriteLine();
                    break;
                case TemplateTokenKind.Exception:
                    WriteException(logEvent, output);
                    break;
                case TemplateTokenKind.Level:
                    WriteColoured(output, LevelColour(logEvent.Level), Pad(FormatLevel(logEvent.Level, token.Format), token.Alignment));
                    break;
                case TemplateTokenKind.TaskStatus:
                    if (EventFields.GetText(logEvent, EventFields.TaskStatusName) is { } status)
                        WriteColoured(output, StatusColour(status), Pad($" ⇒ {ControlCharacters.Escape(status.ToLowerInvariant())}", token.Alignment));
                    break;
                case TemplateTokenKind.Timestamp:
                    var time = logEvent.Timestamp.ToString(token.Format ?? OutputTemplate.DefaultTimestampFormat, CultureInfo.InvariantCulture);
                    WriteColoured(output, Dim, Pad(time, token.Alignment));
                    break;
                default:
                    output.Write(Pad(ControlCharacters.Escape(Value(logEvent, token)), token.Alignment));
                    break;
            }
        }
    }

    /// <summary>The level as a template writes it: the full name, or <c>u3</c>, <c>w3</c>, <c>u</c>, <c>w</c>.</summary>
    public static string FormatLevel(LogEventLevel level, string? format) => format switch
    {
        "u3" => LevelNames.Upper3(level),
        "w3" => LevelNames.Upper3(level).ToLowerInvariant(),
        "u" => level.ToString().ToUpperInvariant(),
        "w" => level.ToString().ToLowerInvariant(),
        _ => level.ToString(),
    };

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
        "Succeeded" => "\u001b[32m",
        "Failed" => "\u001b[31m",
        _ => "\u001b[36m",
    };

    static string Value(LogEvent logEvent, TemplateToken token) => token.Kind switch
    {
        TemplateTokenKind.Message => logEvent.RenderMessage(CultureInfo.InvariantCulture),
        TemplateTokenKind.MessageTemplate => logEvent.MessageTemplate.Text,
        TemplateTokenKind.TraceId => logEvent.TraceId?.ToHexString() ?? "",
        TemplateTokenKind.SpanId => logEvent.SpanId?.ToHexString() ?? "",
        _ => PropertyValue(logEvent, token),
    };

    static string PropertyValue(LogEvent logEvent, TemplateToken token)
    {
        if (!logEvent.Properties.TryGetValue(token.Text, out var value))
            return "";
        if (token.Format is not null && value is ScalarValue { Value: IFormattable formattable })
            return formattable.ToString(token.Format, CultureInfo.InvariantCulture);
        return EventFields.ToText(value);
    }

    void WriteException(LogEvent logEvent, TextWriter output)
    {
        if (logEvent.Exception is null)
            return;

        ControlCharacters.Write(output, logEvent.Exception.ToString().TrimEnd('\n', '\r').Replace("\r\n", "\n", StringComparison.Ordinal), keepLineFeedAndTab: true);
        output.WriteLine();
    }

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

    static string Pad(string text, int? alignment) => alignment switch
    {
        null => text,
        < 0 => text.PadRight(-alignment.Value),
        _ => text.PadLeft(alignment.Value),
    };
}
