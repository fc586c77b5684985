using System.Text;

namespace Distlog.Load.Harness;

/// <summary>One scenario's part of the report: a heading, what was measured and how, the table, and notes.</summary>
sealed class ReportSection(string title, string method, MarkdownTable table)
{
    public List<string> Notes { get; } = [];

    /// <summary>Set when a run of this scenario lost or duplicated events.</summary>
    public bool Failed { get; set; }

    public override string ToString()
    {
        var text = new StringBuilder().Append("## ").Append(title).Append("\n\n").Append(method.Trim()).Append("\n\n").Append(table);
        foreach (var note in Notes)
            text.Append('\n').Append(note.Trim()).Append('\n');
        return text.ToString();
    }
}
