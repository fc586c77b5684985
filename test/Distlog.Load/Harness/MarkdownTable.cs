using System.Text;

namespace Distlog.Load.Harness;

/// <summary>A GitHub-flavoured markdown table; cells are written as given, with '|' escaped.</summary>
sealed class MarkdownTable(params string[] headers)
{
    readonly List<string[]> _rows = [];

    public void Add(params string[] cells) => _rows.Add(cells);

    public override string ToString()
    {
        var text = new StringBuilder();
        Row(text, headers);
        Row(text, headers.Select(_ => "---").ToArray());
        foreach (var row in _rows)
            Row(text, row);
        return text.ToString();
    }

    static void Row(StringBuilder text, string[] cells) =>
        text.Append("| ").AppendJoin(" | ", cells.Select(cell => cell.Replace("|", "\\|"))).Append(" |\n");
}
