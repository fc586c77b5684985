namespace Distlog.Collector.Plugins.Sqlite;

/// <summary>The SQLite store's schema, shared with <c>distlog query</c>: one row per event, indexed for its queries.</summary>
static class SqliteSchema
{
    /// <summary>UTC, fixed width, so that text order is time order.</summary>
    public const string TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffffffZ";

    public const string Create = """
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
        CREATE TABLE IF NOT EXISTS journal_position (
          journal     TEXT    PRIMARY KEY,
          next        INTEGER NOT NULL
        );
        """;

    /// <summary>The store's place in a distlogd journal: the id of the next event it needs, written with each batch.</summary>
    public const string SavePosition =
        "INSERT INTO journal_position (journal, next) VALUES ($journal, $next) ON CONFLICT(journal) DO UPDATE SET next = excluded.next";

    public const string ReadPosition = "SELECT next FROM journal_position WHERE journal = $journal";

    public const string Insert = """
        INSERT INTO events (timestamp, level, application, system, root, task_key, message, exception, clef)
        VALUES ($timestamp, $level, $application, $system, $root, $task_key, $message, $exception, $clef)
        """;
}
