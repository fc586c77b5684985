using Serilog.Formatting;

namespace Distlog.Cli.Rendering;

/// <summary>Creates the <see cref="IEventOutput"/> for a <c>--format</c>.</summary>
static class EventOutputs
{
    /// <summary>The output for <paramref name="format"/> on <paramref name="console"/>'s standard output: text through
    /// <paramref name="template"/> (a Serilog.Expressions template, checked while parsing), or the default layout where it
    /// is null. <paramref name="live"/> flushes per event and draws each tree when its root completes (for <c>tail</c>).</summary>
    public static IEventOutput Create(OutputFormat format, CliConsole console, string? template, bool ascii, bool live) => format switch
    {
        OutputFormat.Clef => new ClefOutput(console.Output, live),
        OutputFormat.Tree when live => new LiveTreeOutput(console.CreateOutputWriter(), new TaskTreeRenderer(ascii, console.UseColour)),
        OutputFormat.Tree => new TreeOutput(console.CreateOutputWriter(), new TaskTreeRenderer(ascii, console.UseColour)),
        _ => new TextOutput(console.CreateOutputWriter(), Text(template, console.UseColour), live),
    };

    static ITextFormatter Text(string? template, bool colour)
    {
        if (template is null)
            return new TextRenderer(colour);
        if (!TemplateRenderer.TryParse(template, colour, out var renderer, out var error))
            throw new CliException($"--template is not a Serilog.Expressions template: {error}", ExitCodes.Usage);
        return renderer!;
    }
}
