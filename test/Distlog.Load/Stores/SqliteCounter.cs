using Microsoft.Data.Sqlite;

namespace Distlog.Load.Stores;

/// <summary>
/// Watches the collector's SQLite store from outside, as `distlog query` would: the highest row id while it runs
/// (cheap, and equal to the row count since nothing is deleted), exact counts at the end.
/// </summary>
sealed class SqliteCounter(string path) : IDisposable
{
    SqliteConnection? _connection;
    SqliteCommand? _maxId;

    public long Rows()
    {
        if (_maxId is null)
        {
            if (!File.Exists(path))
                return 0;
            _connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
            _connection.Open();
            _maxId = _connection.CreateCommand();
            _maxId.CommandText = "SELECT coalesce(max(id), 0) FROM events";
        }

        try
        {
            return (long)_maxId.ExecuteScalar()!;
        }
        catch (SqliteException)
        {
            return 0; // the table is not there yet, or the store is busy for a moment
        }
    }

    /// <summary>Rows and distinct values of <paramref name="column"/>, read after the collector stopped.</summary>
    public static (long Rows, long Distinct) Final(string path, string column)
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT count(*), count(DISTINCT {column}) FROM events";
        using var reader = command.ExecuteReader();
        reader.Read();
        return (reader.GetInt64(0), reader.GetInt64(1));
    }

    public void Dispose()
    {
        _maxId?.Dispose();
        _connection?.Dispose();
    }
}
