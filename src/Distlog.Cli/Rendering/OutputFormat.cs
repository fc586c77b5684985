namespace Distlog.Cli.Rendering;

/// <summary>The values of <c>--format</c>.</summary>
enum OutputFormat
{
    /// <summary>One CLEF object per line, UTF-8, <c>\n</c>: the original bytes, as clef-tool reads them.</summary>
    Clef,

    /// <summary>One event per line through the output template; coloured on a terminal.</summary>
    Text,

    /// <summary>Task trees, as eliot-tree draws them.</summary>
    Tree,
}
