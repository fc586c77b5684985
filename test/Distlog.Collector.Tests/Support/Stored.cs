using System.Text.Json.Nodes;
using Microsoft.Data.Sqlite;

namespace Distlog.Collector.Tests.Support;

/// <summary>Reads what a collector stored: SQLite rows and CLEF files, parsed independently of the collector's code.</summary>
static class Stored
{
    public static List<StoredRow> SqliteRows(string path)
    {
        var rows = new List<StoredRow>();
        if (!File.Exists(path))
            return rows;
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT id, timestamp, level, application, system, root, task_key, message, exception, clef FROM events ORDER BY id";
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            rows.Add(new StoredRow(reader.GetInt64(0), reader.GetString(1), reader.GetInt32(2), Text(reader, 3), Text(reader, 4),
                Text(reader, 5), Text(reader, 6), Text(reader, 7), Text(reader, 8), reader.GetString(9)));
        }
        return rows;
    }

    /// <summary>The number of rows in the store's events table; 0 where there is no database yet.</summary>
    public static long SqliteCount(string path)
    {
        if (!File.Exists(path))
            return 0;
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT count(*) FROM events";
        return (long)command.ExecuteScalar()!;
    }

    /// <summary>Every CLEF line of the files matching <paramref name="pattern"/> under <paramref name="folder"/>.</summary>
    public static List<JsonObject> ClefLines(string folder, string pattern = "*.clef")
    {
        var lines = new List<JsonObject>();
        if (!Directory.Exists(folder))
            return lines;
        foreach (var file in Directory.GetFiles(folder, pattern).Order())
        {
            using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            using var reader = new StreamReader(stream);
            while (reader.ReadLine() is { } line)
            {
                if (line.Length > 0)
                    lines.Add(JsonNode.Parse(line)!.AsObject());
            }
        }
        return lines;
    }

    /// <summary>The <c>N</c> property of each line, in file order.</summary>
    public static List<long> Numbers(IEnumerable<JsonObject> lines) =>
        lines.Where(l => l["N"] is not null).Select(l => (long)l["N"]!).ToList();

    static string? Text(SqliteDataReader reader, int i) => reader.IsDBNull(i) ? null : reader.GetString(i);
}
