namespace Distlog.Cli.Rendering;

/// <summary>The marks a task tree is drawn with: Unicode (as eliot-tree) or plain ASCII (<c>--ascii</c>).</summary>
sealed record TreeGlyphs(
    string Branch, string LastBranch, string Vertical, string Space,
    string Succeeded, string Failed, string Unfinished, string Duration, string Arrow)
{
    /// <summary><c>├── └── │</c>, <c>✓ ✗ …</c>, <c>⧖</c> before a duration, <c>⇒</c> before a boundary status.</summary>
    public static readonly TreeGlyphs Unicode = new("├── ", "└── ", "│   ", "    ", "✓", "✗", "…", "⧖ ", "⇒");

    /// <summary><c>|-- `-- |</c>, <c>+ x ...</c>, <c>in</c> before a duration, <c>=&gt;</c> before a boundary status.</summary>
    public static readonly TreeGlyphs Ascii = new("|-- ", "`-- ", "|   ", "    ", "+", "x", "...", "in ", "=>");

    /// <summary>The mark of an outcome.</summary>
    public string Mark(TaskOutcome outcome) => outcome switch
    {
        TaskOutcome.Succeeded => Succeeded,
        TaskOutcome.Failed => Failed,
        _ => Unfinished,
    };
}
