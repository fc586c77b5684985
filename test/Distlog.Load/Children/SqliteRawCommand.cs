using System.Diagnostics;
using System.Text;
using Distlog.Collector.Plugins.Sqlite;
using Distlog.Load.Payloads;
using Distlog.Load.Stores;
using Microsoft.Data.Sqlite;

namespace Distlog.Load.Children;

/// <summary>
/// <c>sqlite-raw</c>: the sqlite plugin's baseline. Inserts <c>--events</c> rows into the store's schema (WAL,
/// synchronous=NORMAL, same indexes) through one prepared INSERT, <c>--batch</c> rows per transaction, with the
/// column values a plugin would bind for the harness's payload (the CLEF line made into a string per row).
/// <c>--warmup</c> rows go in before READY, untimed.
/// </summary>
static class SqliteRawCommand
{
    const string Timestamp = "2024-05-01T12:34:56.7890123Z";
    const string TaskKey = "42@4bf92f3577b34da6a3ce929d0e0e4736/1";
    const string Root = "4bf92f3577b34da6a3ce929d0e0e4736";

    public static int Run(ChildArguments args)
    {
        var events = args.Int64("events");
        var batch = args.Int32("batch", 1000);
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = args.Text("path"), Pooling = false }.ToString());
        connection.Open();
        Execute(connection, EventsSchema.Pragmas);
        Execute(connection, SqliteSchema.Create);
        using var insert = connection.CreateCommand();
        insert.CommandText = SqliteSchema.Insert;
        string[] names = ["$timestamp", "$level", "$application", "$system", "$root", "$task_key", "$message", "$exception", "$clef"];
        var parameters = names.Select(name => insert.Parameters.Add(name, SqliteType.Text)).ToArray();
        insert.Prepare();
        var line = new byte[ClefPayload.Length];
        Insert(connection, insert, parameters, line, events, args.Int64("warmup", 0), batch);

        ChildConsole.WriteReady(("pid", Environment.ProcessId));
        ChildConsole.WaitForGo();

        var cpuAtGo = SelfStats.CpuSeconds;
        var first = Stopwatch.GetTimestamp();
        Insert(connection, insert, parameters, line, 0, events, batch);

        ChildConsole.WriteResult(("first", first), ("done", Stopwatch.GetTimestamp()), ("rows", Count(connection)),
            ("cpu", SelfStats.CpuSeconds - cpuAtGo), ("rss", SelfStats.PeakRssBytes));
        return 0;
    }

    static void Insert(SqliteConnection connection, SqliteCommand insert, SqliteParameter[] parameters, byte[] line, long firstIndex, long events, int batch)
    {
        for (var i = firstIndex; i < firstIndex + events; i += batch)
        {
            using var transaction = connection.BeginTransaction();
            insert.Transaction = transaction;
            for (var j = i; j < Math.Min(firstIndex + events, i + batch); j++)
            {
                ClefPayload.WriteBatch(line, j, 1);
                parameters[0].Value = Timestamp;
                parameters[1].Value = 2;
                parameters[2].Value = "load";
                parameters[3].Value = "P";
                parameters[4].Value = Root;
                parameters[5].Value = TaskKey;
                parameters[6].Value = $"Stored row {ClefPayload.RowBase + j} for \"ACME\" in 1.25 ms";
                parameters[7].Value = DBNull.Value;
                parameters[8].Value = Encoding.UTF8.GetString(line);
                insert.ExecuteNonQuery();
            }
            transaction.Commit();
        }
    }

    static long Count(SqliteConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT count(*) FROM events";
        return (long)command.ExecuteScalar()!;
    }

    static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
