using System.Globalization;
using System.Text;

namespace Distlog.Collector.Journal;

/// <summary>
/// A plugin's saved place in the journal: the journal's id, the id of the next event the plugin needs, and the state
/// its sink asked to keep with it (<see cref="Plugins.ICheckpointedSink"/>). A small text file in the journal's
/// <c>cursors</c> folder, replaced whole (write, then rename), so a crash leaves the old one or the new one.
/// </summary>
sealed record JournalCursor(string JournalId, long Next, string? State)
{
    public const string Folder = "cursors";

    public static string PathFor(string journalPath, string plugin)
    {
        var name = new StringBuilder(plugin.Length);
        foreach (var c in plugin)
            name.Append(char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '#' or '.' ? c : '_');
        return Path.Combine(journalPath, Folder, name + ".cursor");
    }

    /// <summary>The cursor saved at <paramref name="path"/>; null where there is none or it cannot be read.</summary>
    public static JournalCursor? Load(string path)
    {
        if (!File.Exists(path))
            return null;
        string? journal = null, state = null;
        long next = -1;
        foreach (var line in File.ReadAllLines(path))
        {
            var eq = line.IndexOf('=');
            if (eq < 0)
                continue;
            var (key, value) = (line[..eq], line[(eq + 1)..]);
            switch (key)
            {
                case "journal": journal = value; break;
                case "next": _ = long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out next); break;
                case "state": state = Encoding.UTF8.GetString(Convert.FromBase64String(value)); break;
            }
        }
        return journal is null || next < 0 ? null : new JournalCursor(journal, next, state);
    }

    public void Save(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var text = new StringBuilder()
            .Append("journal=").Append(JournalId).Append('\n')
            .Append("next=").Append(Next.ToString(CultureInfo.InvariantCulture)).Append('\n');
        if (State is not null)
            text.Append("state=").Append(Convert.ToBase64String(Encoding.UTF8.GetBytes(State))).Append('\n');
        var temporary = path + ".tmp";
        File.WriteAllText(temporary, text.ToString());
        File.Move(temporary, path, overwrite: true);
    }
}
