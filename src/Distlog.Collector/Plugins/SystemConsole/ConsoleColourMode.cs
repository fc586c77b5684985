namespace Distlog.Collector.Plugins.SystemConsole;

/// <summary>The <c>console</c> plugin's <c>colour</c> argument.</summary>
enum ConsoleColourMode
{
    /// <summary>Colour where standard output is a terminal and <c>NO_COLOR</c> is not set (the default).</summary>
    Auto,

    /// <summary>Always colour, e.g. for <c>less -R</c>.</summary>
    Always,

    /// <summary>Never colour.</summary>
    Never,
}
