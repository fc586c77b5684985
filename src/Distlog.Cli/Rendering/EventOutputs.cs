namespace Distlog.Cli.Rendering;

/// <summary>Creates the <see cref="IEventOutput"/> for a <c>--format</c>.</summary>
internal static class EventOutputs
{
    /// <summary>The output for <paramref name="format"/> on <paramref name="console"/>'s standard output.
    /// <paramref name="live"/> flushes per event and draws each tree when its root completes (for <c>tail</c>).</summary>
    public static IEventOutput Create(OutputFormat format, CliConsole console, OutputTemplate template, bool ascii, bool live) => format switch
    {
        OutputFormat.Clef => new ClefOutput(console.Output, live),
        OutputFormat.Tree when live => new LiveTreeOutput(console.CreateOutputWriter(), new TaskTreeRenderer(ascii, console.UseColour)),
        OutputFormat.Tree => new TreeOutput(console.CreateOutputWriter(), new TaskTreeRenderer(ascii, console.UseColour)),
        _ => new TextOutput(console.CreateOutputWriter(), new TextRenderer(template, console.UseColour), live),
    };
}
