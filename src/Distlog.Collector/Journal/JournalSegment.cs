using System.Globalization;

namespace Distlog.Collector.Journal;

/// <summary>One segment file of the journal, named after the id of the first event it may hold (<c>{id:D19}.journal</c>).</summary>
sealed record JournalSegment(long FirstId, string Path)
{
    public const string Extension = ".journal";

    public static JournalSegment In(string folder, long firstId) =>
        new(firstId, System.IO.Path.Combine(folder, firstId.ToString("D19", CultureInfo.InvariantCulture) + Extension));

    /// <summary>The segments in <paramref name="folder"/>, oldest first; files with other names are left alone.</summary>
    public static List<JournalSegment> List(string folder)
    {
        var segments = new List<JournalSegment>();
        foreach (var path in Directory.EnumerateFiles(folder, "*" + Extension))
        {
            var name = System.IO.Path.GetFileNameWithoutExtension(path);
            if (name.Length == 19 && long.TryParse(name, NumberStyles.None, CultureInfo.InvariantCulture, out var firstId))
                segments.Add(new JournalSegment(firstId, path));
        }
        segments.Sort((a, b) => a.FirstId.CompareTo(b.FirstId));
        return segments;
    }
}
