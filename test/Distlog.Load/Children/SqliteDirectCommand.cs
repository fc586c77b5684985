using System.Buffers.Text;
using System.Diagnostics;
using Distlog.Collector.Plugins.Sqlite;
using Distlog.Load.Payloads;
using Distlog.Load.Stores;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace Distlog.Load.Children;

/// <summary>
/// <c>sqlite-direct</c>: a second sqlite baseline, the same rows as <c>sqlite-raw</c> but through SQLitePCL's statement API
/// (bind, step, reset) with UTF-8 bytes bound as they are: no ADO.NET reader per row and no string per CLEF line.
/// It shows what a store that keeps the received bytes could reach.
/// </summary>
static class SqliteDirectCommand
{
    static readonly byte[] Timestamp = "2024-05-01T12:34:56.7890123Z"u8.ToArray();
    static readonly byte[] TaskKey = "42@4bf92f3577b34da6a3ce929d0e0e4736/1"u8.ToArray();
    static readonly byte[] Root = "4bf92f3577b34da6a3ce929d0e0e4736"u8.ToArray();
    static readonly byte[] Application = "load"u8.ToArray();
    static readonly byte[] System = "P"u8.ToArray();

    public static int Run(ChildArguments args)
    {
        var events = args.Int64("events");
        var batch = args.Int32("batch", 1000);
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = args.Text("path"), Pooling = false }.ToString());
        connection.Open();
        var db = connection.Handle!;
        Check(db, raw.sqlite3_exec(db, EventsSchema.Pragmas));
        Check(db, raw.sqlite3_exec(db, SqliteSchema.Create));
        Check(db, raw.sqlite3_prepare_v2(db, SqliteSchema.Insert, out var insert));
        var line = new byte[ClefPayload.Length];
        var message = new byte[128];
        Insert(db, insert, line, message, events, args.Int64("warmup", 0), batch);

        ChildConsole.WriteReady(("pid", Environment.ProcessId));
        ChildConsole.WaitForGo();

        var cpuAtGo = SelfStats.CpuSeconds;
        var first = Stopwatch.GetTimestamp();
        Insert(db, insert, line, message, 0, events, batch);
        var done = Stopwatch.GetTimestamp();
        insert.Dispose();

        using var count = connection.CreateCommand();
        count.CommandText = "SELECT count(*) FROM events";
        ChildConsole.WriteResult(("first", first), ("done", done), ("rows", (long)count.ExecuteScalar()!),
            ("cpu", SelfStats.CpuSeconds - cpuAtGo), ("rss", SelfStats.PeakRssBytes));
        return 0;
    }

    static void Insert(sqlite3 db, sqlite3_stmt insert, byte[] line, byte[] message, long firstIndex, long events, int batch)
    {
        "Stored row "u8.CopyTo(message);
        for (var i = firstIndex; i < firstIndex + events; i += batch)
        {
            Check(db, raw.sqlite3_exec(db, "BEGIN"));
            for (var j = i; j < Math.Min(firstIndex + events, i + batch); j++)
            {
                ClefPayload.WriteBatch(line, j, 1);
                Utf8Formatter.TryFormat(ClefPayload.RowBase + j, message.AsSpan(11), out var digits);
                var length = 11 + digits;
                " for \"ACME\" in 1.25 ms"u8.CopyTo(message.AsSpan(length));
                length += 22;

                raw.sqlite3_bind_text(insert, 1, Timestamp);
                raw.sqlite3_bind_int(insert, 2, 2);
                raw.sqlite3_bind_text(insert, 3, Application);
                raw.sqlite3_bind_text(insert, 4, System);
                raw.sqlite3_bind_text(insert, 5, Root);
                raw.sqlite3_bind_text(insert, 6, TaskKey);
                raw.sqlite3_bind_text(insert, 7, message.AsSpan(0, length));
                raw.sqlite3_bind_null(insert, 8);
                raw.sqlite3_bind_text(insert, 9, line);
                if (raw.sqlite3_step(insert) != raw.SQLITE_DONE)
                    throw new InvalidOperationException(raw.sqlite3_errmsg(db).utf8_to_string());
                raw.sqlite3_reset(insert);
            }
            Check(db, raw.sqlite3_exec(db, "COMMIT"));
        }
    }

    static void Check(sqlite3 db, int result)
    {
        if (result != raw.SQLITE_OK)
            throw new InvalidOperationException(raw.sqlite3_errmsg(db).utf8_to_string());
    }
}
