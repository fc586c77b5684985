using Serilog.Debugging;

namespace Distlog.Collector.Plugins.Files;

/// <summary>
/// Keeps the newest <c>retainedFileCountLimit</c> files of a rolling set (the current one included) and deletes the
/// older ones, newest meaning latest period, then highest sequence, as Serilog.Sinks.File does. A file that cannot
/// be deleted is reported through <see cref="SelfLog"/> and left.
/// </summary>
static class RetentionPolicy
{
    public static void Apply(RollingFilePath files, string currentFile, int? retainedFileCountLimit)
    {
        if (retainedFileCountLimit is not { } limit)
            return;

        var current = Path.GetFileName(currentFile);
        var older = new List<(DateTime? Period, int? Sequence, string Name)>();
        foreach (var file in Directory.EnumerateFiles(files.Directory, files.SearchPattern))
        {
            var name = Path.GetFileName(file);
            if (name != current && files.TryMatch(name, out var period, out var sequence))
                older.Add((period, sequence, name));
        }
        older.Sort((a, b) =>
            Nullable.Compare(b.Period, a.Period) is var byPeriod and not 0 ? byPeriod : Nullable.Compare(b.Sequence, a.Sequence));

        for (var i = limit - 1; i < older.Count; i++)
        {
            try
            {
                File.Delete(Path.Combine(files.Directory, older[i].Name));
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                SelfLog.WriteLine("The file plugin cannot delete the old log file {0}: {1}", older[i].Name, ex.Message);
            }
        }
    }
}
