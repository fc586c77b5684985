using System.Globalization;
using Distlog.Collector.Plugins;
using Distlog.Tasks;
using Microsoft.Data.Sqlite;
using Serilog.Events;

namespace Distlog.Collector.Plugins.Sqlite;

/// <summary>
/// The <c>sqlite</c> store: WAL journal, one transaction per batch through one prepared insert (<see cref="SqliteInsert"/>).
/// A failed batch is rolled back whole, so the host's retry writes each event once. The <c>clef</c> column holds the line
/// as received. Its place in distlogd's journal is written in the batch's transaction (<see cref="IPositionedSink"/>), so
/// after a crash the store goes on exactly after its last committed batch. Not thread-safe: one plugin worker owns it.
/// </summary>
sealed class SqliteStore : IBatchSink, IPositionedSink
{
    public const string DefaultPath = "logs/distlog.db";

    // WAL with synchronous=NORMAL: a commit survives a crash of the process; a crash of the machine may lose the commits
    // since the last checkpoint, never the database. A checkpoint (and its fsync) every 10,000 pages (40 MB of WAL)
    // instead of SQLite's 1,000 made inserts about a fifth faster here.
    const string Pragmas =
        "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=1000; PRAGMA wal_autocheckpoint=10000;";

    // A database locked by another process fails a batch after busy_timeout (and Microsoft.Data.Sqlite's own retries,
    // bounded by the command timeout, 30 s unless set); the host reports it and retries, so the first warning comes
    // within seconds, not half a minute.
    const int BusySeconds = 1;

    readonly SqliteConnection _connection;
    readonly SqliteInsert _insert;
    readonly ClefBuffer _clef = new();
    string? _journalId;
    long _next;

    public SqliteStore(string path)
    {
        var connectionString = new SqliteConnectionStringBuilder { DataSource = path, Pooling = false, DefaultTimeout = BusySeconds }.ToString();
        _connection = new SqliteConnection(connectionString);
        try
        {
            var directory = Path.GetDirectoryName(Path.GetFullPath(path));
            if (!string.IsNullOrEmpty(directory))
                Directory.CreateDirectory(directory);

            _connection.Open();
            Execute(Pragmas);
            Execute(SqliteSchema.Create);
            _insert = new SqliteInsert(_connection, SqliteSchema.Insert);
        }
        catch (Exception ex) when (ex is SqliteException or IOException or UnauthorizedAccessException)
        {
            _connection.Dispose();
            // SQLite's own message ("unable to open database file") does not say which file.
            throw new IOException($"cannot open the SQLite database '{path}' ({Path.GetFullPath(path)}): {ex.Message}", ex);
        }
    }

    public void EmitBatch(EventBatch batch)
    {
        using var transaction = _connection.BeginTransaction();
        for (var i = 0; i < batch.Count; i++)
        {
            Bind(batch.Event(i), batch.System(i), _clef.Line(batch, i));
            _insert.Execute();
        }
        if (_journalId is not null)
            Execute(SqliteSchema.SavePosition, ("$journal", _journalId), ("$next", _next));
        transaction.Commit();
    }

    public long? StoredPosition(string journalId)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = SqliteSchema.ReadPosition;
        command.Parameters.AddWithValue("$journal", journalId);
        return command.ExecuteScalar() is long next ? next : null;
    }

    public void SetPosition(string journalId, long next) => (_journalId, _next) = (journalId, next);

    public void Dispose()
    {
        _insert.Dispose();
        _connection.Dispose();
        _clef.Dispose();
    }

    // Parameter indexes follow SqliteSchema.Insert: timestamp, level, application, system, root, task_key, message, exception, clef.
    void Bind(LogEvent e, char system, ReadOnlySpan<byte> clef)
    {
        var taskKey = PluginFilter.StringProperty(e, PluginFilter.TaskKeyProperty);
        Span<byte> timestamp = stackalloc byte[SqliteSchema.TimestampFormat.Length];
        e.Timestamp.UtcDateTime.TryFormat(timestamp, out var written, SqliteSchema.TimestampFormat, CultureInfo.InvariantCulture);
        _insert.Text(1, timestamp[..written]);
        _insert.Integer(2, (int)e.Level);
        _insert.Text(3, PluginFilter.StringProperty(e, PluginFilter.ApplicationProperty));
        _insert.Text(4, system switch { 'P' => "P", 'S' => "S", 'T' => "T", _ => system.ToString() });
        _insert.Text(5, TaskKey.TryParse(taskKey, out var key) ? key.Root : null);
        _insert.Text(6, taskKey);
        _insert.Text(7, e.RenderMessage(CultureInfo.InvariantCulture));
        _insert.Text(8, e.Exception?.ToString());
        _insert.Text(9, clef);
    }

    void Execute(string sql, params (string Name, object Value)[] parameters)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
            command.Parameters.AddWithValue(name, value);
        command.ExecuteNonQuery();
    }
}
