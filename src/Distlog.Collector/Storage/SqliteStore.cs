using System.Globalization;
using Distlog.Collector.Plugins;
using Distlog.Tasks;
using Microsoft.Data.Sqlite;
using Serilog.Events;

namespace Distlog.Collector.Storage;

/// <summary>
/// The <c>sqlite</c> store: WAL journal, one transaction per batch through one prepared insert. A failed batch is
/// rolled back whole, so the host's retry writes each event once. Not thread-safe: one plugin worker owns it.
/// </summary>
internal sealed class SqliteStore : IBatchSink
{
    public const string DefaultPath = "logs/distlog.db";

    private readonly SqliteConnection _connection;
    private readonly SqliteCommand _insert;
    private readonly SqliteParameter[] _parameters;
    private readonly ClefBuffer _clef = new();

    public SqliteStore(string path)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(path));
        if (!string.IsNullOrEmpty(directory))
            Directory.CreateDirectory(directory);

        var connectionString = new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString();
        _connection = new SqliteConnection(connectionString);
        _connection.Open();
        Execute("PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=5000;");
        Execute(SqliteSchema.Create);

        _insert = _connection.CreateCommand();
        _insert.CommandText = SqliteSchema.Insert;
        _parameters =
        [
            _insert.Parameters.Add("$timestamp", SqliteType.Text),
            _insert.Parameters.Add("$level", SqliteType.Integer),
            _insert.Parameters.Add("$application", SqliteType.Text),
            _insert.Parameters.Add("$system", SqliteType.Text),
            _insert.Parameters.Add("$root", SqliteType.Text),
            _insert.Parameters.Add("$task_key", SqliteType.Text),
            _insert.Parameters.Add("$message", SqliteType.Text),
            _insert.Parameters.Add("$exception", SqliteType.Text),
            _insert.Parameters.Add("$clef", SqliteType.Text),
        ];
        _insert.Prepare();
    }

    public void EmitBatch(IReadOnlyList<LogEvent> batch)
    {
        using var transaction = _connection.BeginTransaction();
        _insert.Transaction = transaction;
        for (var i = 0; i < batch.Count; i++)
        {
            Bind(batch[i], EventBatch.SystemAt(batch, i));
            _insert.ExecuteNonQuery();
        }
        transaction.Commit();
    }

    public void Dispose()
    {
        _insert.Dispose();
        _connection.Dispose();
        _clef.Dispose();
    }

    private void Bind(LogEvent e, char system)
    {
        var taskKey = PluginFilter.StringProperty(e, PluginFilter.TaskKeyProperty);
        string? root = TaskKey.TryParse(taskKey, out var key) ? key.Root : null;
        _parameters[0].Value = e.Timestamp.UtcDateTime.ToString(SqliteSchema.TimestampFormat, CultureInfo.InvariantCulture);
        _parameters[1].Value = (int)e.Level;
        _parameters[2].Value = (object?)PluginFilter.StringProperty(e, PluginFilter.ApplicationProperty) ?? DBNull.Value;
        _parameters[3].Value = system switch { 'P' => "P", 'S' => "S", 'T' => "T", _ => system.ToString() };
        _parameters[4].Value = (object?)root ?? DBNull.Value;
        _parameters[5].Value = (object?)taskKey ?? DBNull.Value;
        _parameters[6].Value = e.RenderMessage(CultureInfo.InvariantCulture);
        _parameters[7].Value = (object?)e.Exception?.ToString() ?? DBNull.Value;
        _parameters[8].Value = _clef.FormatString(e);
    }

    private void Execute(string sql)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
