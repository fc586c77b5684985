namespace Distlog.Load.Stores;

/// <summary>
/// The SQLite store's schema and pragmas as the contract fixes them (distlogd's copy is internal to it): the raw
/// baseline writes the same table, with the same indexes and durability, as the sqlite plugin.
/// </summary>
static class EventsSchema
{
    public const string Pragmas = "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=5000;";

    public const string Create = """
        CREATE TABLE IF NOT EXISTS events (
          id INTEGER PRIMARY KEY, timestamp TEXT NOT NULL, level INTEGER NOT NULL, application TEXT, system TEXT,
          root TEXT, task_key TEXT, message TEXT, exception TEXT, clef TEXT NOT NULL);
        CREATE INDEX IF NOT EXISTS ix_events_root        ON events(root, id);
        CREATE INDEX IF NOT EXISTS ix_events_time        ON events(timestamp);
        CREATE INDEX IF NOT EXISTS ix_events_level_time  ON events(level, timestamp);
        CREATE INDEX IF NOT EXISTS ix_events_app_time    ON events(application, timestamp);
        """;

    public const string Insert = """
        INSERT INTO events (timestamp, level, application, system, root, task_key, message, exception, clef)
        VALUES ($timestamp, $level, $application, $system, $root, $task_key, $message, $exception, $clef)
        """;
}
