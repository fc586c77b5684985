using System.Globalization;
using Distlog.Clef;
using Distlog.Cli.Filtering;
using Distlog.Collector.Plugins.Sqlite;
using Microsoft.Data.Sqlite;

namespace Distlog.Cli.Tests.Support;

/// <summary>An SQLite store with the collector's schema (its <see cref="SqliteSchema"/>, compiled in here), filled from CLEF lines.</summary>
static class StoreFile
{
    public static string Create(string path, IEnumerable<(char System, string Clef)> events)
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
        connection.Open();
        using (var schema = connection.CreateCommand())
        {
            schema.CommandText = "PRAGMA journal_mode=WAL;" + SqliteSchema.Create;
            schema.ExecuteNonQuery();
        }

        foreach (var (system, clef) in events)
        {
            var e = ClefReader.Read(clef);
            EventFields.TryGetTaskKey(e, out var key);
            using var insert = connection.CreateCommand();
            insert.CommandText = "INSERT INTO events (timestamp, level, application, system, root, task_key, message, exception, clef) " +
                                 "VALUES ($t, $l, $a, $s, $r, $k, $m, $x, $c)";
            insert.Parameters.AddWithValue("$t", e.Timestamp.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture));
            insert.Parameters.AddWithValue("$l", (int)e.Level);
            insert.Parameters.AddWithValue("$a", (object?)EventFields.GetText(e, "Application") ?? DBNull.Value);
            insert.Parameters.AddWithValue("$s", system.ToString());
            insert.Parameters.AddWithValue("$r", (object?)key.Root ?? DBNull.Value);
            insert.Parameters.AddWithValue("$k", key.Root is null ? DBNull.Value : key.ToString());
            insert.Parameters.AddWithValue("$m", e.RenderMessage(CultureInfo.InvariantCulture));
            insert.Parameters.AddWithValue("$x", (object?)e.Exception?.ToString() ?? DBNull.Value);
            insert.Parameters.AddWithValue("$c", clef);
            insert.ExecuteNonQuery();
        }

        return path;
    }
}
