using System.Globalization;
using Distlog.Clef;
using Distlog.Cli.Filtering;
using Microsoft.Data.Sqlite;

namespace Distlog.Cli.Tests.Support;

/// <summary>An SQLite store with the collector's schema (from the API contract), filled from CLEF lines.</summary>
static class StoreFile
{
    const string Schema = """
        PRAGMA journal_mode=WAL;
        CREATE TABLE IF NOT EXISTS events (
          id          INTEGER PRIMARY KEY,
          timestamp   TEXT    NOT NULL,
          level       INTEGER NOT NULL,
          application TEXT,
          system      TEXT,
          root        TEXT,
          task_key    TEXT,
          message     TEXT,
          exception   TEXT,
          clef        TEXT    NOT NULL
        );
        CREATE INDEX IF NOT EXISTS ix_events_root        ON events(root, id);
        CREATE INDEX IF NOT EXISTS ix_events_time        ON events(timestamp);
        CREATE INDEX IF NOT EXISTS ix_events_level_time  ON events(level, timestamp);
        CREATE INDEX IF NOT EXISTS ix_events_app_time    ON events(application, timestamp);
        """;

    public static string Create(string path, IEnumerable<(char System, string Clef)> events)
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
        connection.Open();
        using (var schema = connection.CreateCommand())
        {
            schema.CommandText = Schema;
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
