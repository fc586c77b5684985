namespace Distlog.Load.Stores;

/// <summary>
/// The SQLite store's pragmas as the sqlite plugin sets them; the table and its statements are distlogd's own
/// (<see cref="Distlog.Collector.Plugins.Sqlite.SqliteSchema"/>, compiled in here), so the raw baseline writes the same
/// table, with the same indexes and durability, as the plugin.
/// </summary>
static class EventsSchema
{
    public const string Pragmas = "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=5000;";
}
