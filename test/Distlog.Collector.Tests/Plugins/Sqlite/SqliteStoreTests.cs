using Distlog.Clef;
using Distlog.Collector.Plugins;
using Distlog.Collector.Plugins.Sqlite;
using Distlog.Collector.Tests.Support;
using Microsoft.Data.Sqlite;

namespace Distlog.Collector.Tests.Plugins.Sqlite;

public sealed class SqliteStoreTests
{
    [Test]
    public void EachEventIsARowWithTimeLevelApplicationSystemRootKeyMessageExceptionAndClef()
    {
        using var folder = new TempFolder();
        var path = folder.Combine("logs", "distlog.db");
        var batch = new EventBatch(2);
        batch.Add(ClefReader.Read(Some.ClefLine(1, level: "Error", taskKey: $"3@{Some.Root}/1/2", exception: "System.Exception: boom")), 'S');
        batch.Add(ClefReader.Read(Some.ClefLine(2, application: null)), 'P');

        using (var store = new SqliteStore(path))
            store.EmitBatch(batch);

        var rows = Stored.SqliteRows(path);
        Assert.That(rows, Has.Count.EqualTo(2));
        Assert.That(rows[0] with { Clef = "" }, Is.EqualTo(new StoredRow(1, "2024-05-01T12:00:00.0010000Z", 4, "orders", "S", Some.Root,
            $"3@{Some.Root}/1/2", "Event 1", "System.Exception: boom", "")));
        Assert.That(rows[0].Clef, Does.StartWith("{\"@t\":\"2024-05-01T12:00:00.0010000Z\""));
        Assert.That((rows[1].Application, rows[1].Root, rows[1].TaskKey, rows[1].Level), Is.EqualTo(((string?)null, (string?)null, (string?)null, 2)));
    }

    [Test]
    public void ADatabaseThatCannotBeOpenedIsNamedInTheError()
    {
        using var folder = new TempFolder();
        // A folder where the database file should be: SQLite cannot open it, whoever runs the test (root included).
        var path = folder.Combine("taken.db");
        Directory.CreateDirectory(path);

        var error = Assert.Throws<IOException>(() => new SqliteStore(path).Dispose())!;

        Assert.That(error.Message, Does.StartWith($"cannot open the SQLite database '{path}'").And.Contain("unable to open database file"));
    }

    [Test]
    public void TheDatabaseIsInWalModeWithTheIndexesTheQueriesUse()
    {
        using var folder = new TempFolder();
        var path = folder.Combine("distlog.db");
        using (new SqliteStore(path))
        {
        }

        using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode";
        Assert.That(command.ExecuteScalar(), Is.EqualTo("wal"));
        command.CommandText = "SELECT group_concat(name) FROM (SELECT name FROM sqlite_master WHERE type = 'index' AND name LIKE 'ix_%' ORDER BY name)";
        Assert.That(command.ExecuteScalar(), Is.EqualTo("ix_events_app_time,ix_events_level_time,ix_events_root,ix_events_time"));
    }

    [Test]
    public void ReopeningAStoreAppends()
    {
        using var folder = new TempFolder();
        var path = folder.Combine("distlog.db");
        for (var i = 0; i < 2; i++)
        {
            using var store = new SqliteStore(path);
            var batch = new EventBatch(1);
            batch.Add(ClefReader.Read(Some.ClefLine(i)), 'P');
            store.EmitBatch(batch);
        }

        Assert.That(Stored.SqliteRows(path).Select(r => r.Message), Is.EqualTo(new[] { "Event 0", "Event 1" }));
    }
}
