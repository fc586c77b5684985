extern alias distlogd;

using System.Text;
using BenchmarkDotNet.Attributes;
using distlogd::Distlog.Collector.Events;
using distlogd::Distlog.Collector.Ingest;
using distlogd::Distlog.Collector.Plugins;
using distlogd::Distlog.Collector.Plugins.Sqlite;
using Microsoft.Data.Sqlite;
using Serilog.Core;

namespace Distlog.Benchmarks.Collector;

/// <summary>
/// The <c>sqlite</c> plugin writing a decoded 100-event batch, per event, against the load harness's raw baseline (the
/// same schema, pragmas and indexes, one prepared INSERT, one transaction per batch, the CLEF line bound as a string)
/// and the same baseline without the four indexes. Each benchmark writes to a fresh database that grows as it runs.
/// </summary>
[MemoryDiagnoser]
public class SqliteIngestBenchmarks
{
    const int Events = 100;

    readonly EventBatch _batch = new(Events);
    readonly string[] _lines = Encoding.UTF8.GetString(CollectorPayload.Batch(Events)).Split('\n');
    readonly string _folder = Path.Combine(Path.GetTempPath(), "distlog-bench-" + Guid.NewGuid().ToString("N"));
    IBatchSink? _store;
    SqliteConnection? _connection;
    SqliteCommand? _insert;

    [GlobalSetup(Target = nameof(SqlitePluginWrite))]
    public void SetupPlugin()
    {
        var decoded = new List<IngestedEvent>(Events);
        var decoder = new MessageDecoder(new RejectionReporter(new IngestCounters(), Logger.None));
        decoder.Decode("PLC"u8, CollectorPayload.Batch(Events), decoded);
        foreach (var e in decoded)
            _batch.Add(e);
        _store = BenchmarkPlugins.Create("sqlite", ("path", Path.Combine(_folder, "plugin.db")));
    }

    [GlobalSetup(Target = nameof(RawInsert))]
    public void SetupRaw() => OpenRaw(SqliteSchema.Create);

    [GlobalSetup(Target = nameof(RawInsertWithoutIndexes))]
    public void SetupRawWithoutIndexes() => OpenRaw(SqliteSchema.Create[..SqliteSchema.Create.IndexOf("CREATE INDEX", StringComparison.Ordinal)]);

    [GlobalCleanup]
    public void Cleanup()
    {
        _store?.Dispose();
        _insert?.Dispose();
        _connection?.Dispose();
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    [Benchmark(OperationsPerInvoke = Events)]
    public void SqlitePluginWrite() => _store!.EmitBatch(_batch);

    [Benchmark(OperationsPerInvoke = Events, Baseline = true)]
    public void RawInsert() => InsertRaw();

    [Benchmark(OperationsPerInvoke = Events)]
    public void RawInsertWithoutIndexes() => InsertRaw();

    void OpenRaw(string schema)
    {
        Directory.CreateDirectory(_folder);
        var path = Path.Combine(_folder, "raw.db");
        _connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
        _connection.Open();
        using (var command = _connection.CreateCommand())
        {
            command.CommandText = "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; " + schema;
            command.ExecuteNonQuery();
        }
        _insert = _connection.CreateCommand();
        _insert.CommandText = SqliteSchema.Insert;
        foreach (var name in new[] { "$timestamp", "$level", "$application", "$system", "$root", "$task_key", "$message", "$exception", "$clef" })
            _insert.Parameters.Add(name, SqliteType.Text);
        _insert.Prepare();
    }

    // The harness's baseline: constant columns, and the two values that differ per event made into strings per row.
    void InsertRaw()
    {
        using var transaction = _connection!.BeginTransaction();
        _insert!.Transaction = transaction;
        var parameters = _insert.Parameters;
        for (var i = 0; i < Events; i++)
        {
            var line = Encoding.UTF8.GetBytes(_lines[i]);
            parameters[0].Value = "2024-05-01T12:34:56.7890123Z";
            parameters[1].Value = 2;
            parameters[2].Value = "load";
            parameters[3].Value = "P";
            parameters[4].Value = "4bf92f3577b34da6a3ce929d0e0e4736";
            parameters[5].Value = "42@4bf92f3577b34da6a3ce929d0e0e4736/1";
            parameters[6].Value = $"Stored row {1_000_000_000 + i} for \"ACME\" in 1.25 ms";
            parameters[7].Value = DBNull.Value;
            parameters[8].Value = Encoding.UTF8.GetString(line);
            _insert.ExecuteNonQuery();
        }
        transaction.Commit();
    }
}
