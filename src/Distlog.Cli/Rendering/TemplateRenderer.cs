using System.Globalization;
using Serilog.Events;
using Serilog.Formatting;
using Serilog.Templates;
using Serilog.Templates.Themes;

namespace Distlog.Cli.Rendering;

/// <summary>
/// Writes events through a Serilog.Expressions <see cref="ExpressionTemplate"/> (<c>--template</c>), themed on a terminal.
/// Each event is first passed through <see cref="EscapedEvent"/>, so that no control character from an event reaches
/// the terminal, while the theme's own colours do; each event's text ends with a line end (one is added where the
/// template does not write one). Immutable and thread-safe; the writer is the caller's.
/// </summary>
sealed class TemplateRenderer : ITextFormatter
{
    readonly ExpressionTemplate _template;

    TemplateRenderer(ExpressionTemplate template)
    {
        _template = template;
    }

    /// <summary>Parses <paramref name="template"/>; false with the parser's message where it is not a template.</summary>
    public static bool TryParse(string template, bool colour, out TemplateRenderer? renderer, out string? error)
    {
        renderer = null;
        try
        {
            if (!ExpressionTemplate.TryParse(template, CultureInfo.InvariantCulture, null, colour ? TemplateTheme.Code : null, colour, null, out var parsed, out error))
                return false;
            renderer = new TemplateRenderer(parsed);
            return true;
        }
        catch (ArgumentException ex)
        {
            // An unknown function is thrown, not returned, by TryParse.
            error = ex.Message;
            return false;
        }
    }

    /// <inheritdoc />
    public void Format(LogEvent logEvent, TextWriter output)
    {
        var text = new StringWriter(CultureInfo.InvariantCulture) { NewLine = "\n" };
        _template.Format(EscapedEvent.Of(logEvent), text);
        var rendered = text.GetStringBuilder();
        output.Write(rendered);
        if (rendered.Length == 0 || rendered[^1] != '\n')
            output.WriteLine();
    }
}
