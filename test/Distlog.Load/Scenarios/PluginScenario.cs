using Distlog.Load.Children;
using Distlog.Load.Harness;
using Distlog.Load.Stores;

namespace Distlog.Load.Scenarios;

/// <summary>
/// Scenario 4: one store plugin at a time (sqlite; redis in stream mode) fed by a batched <c>produce</c> process,
/// against the raw baseline of the same store written directly by a <c>sqlite-raw</c> / <c>redis-raw</c> process.
/// </summary>
sealed class PluginScenario : IScenario
{
    static readonly TimeSpan Stall = TimeSpan.FromSeconds(15);
    static readonly TimeSpan ResultTimeout = TimeSpan.FromMinutes(5);

    public int Number => 4;

    public ReportSection Run(LoadOptions options)
    {
        var events = options.Events;
        var table = new MarkdownTable("store", "plugin runs (events/s)", "plugin events/s", "raw runs (events/s)", "raw events/s",
            "plugin ÷ raw", "CPU s per M events: distlogd / raw writer", "direct raw events/s");
        var section = new ReportSection("4. Store plugins one at a time, against the raw store", $"""
            Every measurement starts with {Figures.Count(options.Warmup)} untimed warm-up events (rows), then:
            **plugin**: one `produce` process sends {Figures.Count(events)} payloads ({options.Batch} per message) to a distlogd whose only
            plugin is `sqlite` (or `redis`, `mode: stream`, `maxLength` far above the event count); timed from the first send
            until the store holds every event (SQLite `max(id)` / `XLEN`, polled every 10 ms), then checked exactly
            (`count(*)` and `count(DISTINCT clef)` / `XLEN`). The plugin's `queueCapacity` is set to hold the whole burst
            ({Figures.Count(QueueCapacity(options))}), so this measures how fast the plugin drains it; with the default
            100,000 a burst longer than the store can absorb is dropped (scenario 3). **raw**: a `sqlite-raw` process inserts the same number of rows
            into the same schema with the same pragmas (WAL, `synchronous=NORMAL`) through one prepared INSERT, 1,000 rows
            (the plugin's batch size) per transaction; a `redis-raw` process sends the plugin's own command,
            `XADD key MAXLEN ~ N * clef <line>`, pipelined 1,000 at a time (its own RESP code: the collector's client
            is internal to distlogd). Redis is a private `redis-server` without persistence on a free port.
            The ratio is the median of the per-run ratios. **direct raw** (sqlite only, for the optimisation notes): the same
            rows through SQLitePCL's statement API (bind/step/reset) with UTF-8 bytes bound as they are — no ADO.NET
            reader per row, no string per CLEF line.
            """, table);

        Compare(options, section, table, "sqlite", MeasureSqlitePlugin, MeasureSqliteRaw, MeasureSqliteDirect);
        using (var redis = StartRedis())
        {
            Compare(options, section, table, "redis (stream)",
                (o, n, run) => MeasureRedisPlugin(o, n, run, redis.Port),
                (o, n, run) => MeasureRedisRaw(n, o.Warmup, run, redis.Port), direct: null);
        }
        return section;
    }

    static RedisServer StartRedis()
    {
        try
        {
            return RedisServer.Start();
        }
        catch (InvalidOperationException ex)
        {
            throw new LoadException(ex.Message, ex);
        }
    }

    static void Compare(LoadOptions options, ReportSection section, MarkdownTable table, string store,
        Func<LoadOptions, long, int, Measurement> plugin, Func<LoadOptions, long, int, Measurement> raw,
        Func<LoadOptions, long, int, Measurement>? direct)
    {
        RunSeries pluginRate = new(), rawRate = new(), ratio = new(), pluginCpu = new(), rawCpu = new(), directRate = new();
        for (var run = 1; run <= options.Runs; run++)
        {
            Measurement? p = null, r = null;
            foreach (var pluginFirst in run % 2 == 1 ? new[] { true, false } : [false, true])
            {
                if (pluginFirst)
                    p = plugin(options, options.Events, run);
                else
                    r = raw(options, options.Events, run);
            }
            if (direct?.Invoke(options, options.Events, run) is { } d)
                directRate.Add(d.Rate, d.Ok);
            pluginRate.Add(p!.Rate, p.Ok);
            pluginCpu.Add(p.ReceiverCpuPerMillion, p.Ok);
            rawRate.Add(r!.Rate, r.Ok);
            rawCpu.Add(r.ReceiverCpuPerMillion, r.Ok);
            ratio.Add(p.Rate / r.Rate, p.Ok && r.Ok);
            Progress.Write($"scenario 4, {store}, run {run}: plugin {Figures.Rate(p.Rate)} events/s ({p.Arrived}), raw {Figures.Rate(r.Rate)} events/s ({r.Arrived})");
            if (!p.Ok)
                section.Notes.Add($"- {store} plugin, run {run} FAILED: {p.Arrived}. {p.Failure}");
            if (!r.Ok)
                section.Notes.Add($"- {store} raw, run {run} FAILED: {r.Arrived}.");
            if (p.Diagnostics is not null)
                section.Notes.Add($"- {store} plugin, run {run}, distlogd: {p.Diagnostics}");
        }
        table.Add(store, pluginRate.Runs(RunSeries.Kilo), pluginRate.Cell(Figures.Rate), rawRate.Runs(RunSeries.Kilo), rawRate.Cell(Figures.Rate),
            ratio.Cell(Figures.Ratio), $"{Figures.Number(pluginCpu.Median)} / {Figures.Number(rawCpu.Median)}",
            direct is null ? "—" : directRate.Cell(Figures.Rate));
        section.Failed |= !pluginRate.AllOk || !rawRate.AllOk;
    }

    static Measurement MeasureSqlitePlugin(LoadOptions options, long events, int run)
    {
        using var folder = new RunFolder(options, $"s4-sqlite-plugin-{run}");
        var port = FreePort.Next();
        var store = folder.File("distlog.db");
        using var server = Distlogd.Start(options, folder.Path, port, [Distlogd.Sqlite(store)], QueueCapacity(options));
        using var rows = new SqliteCounter(store);
        var (rate, cpu, rss, output, diagnostics) = Feed(options, server, port, events, rows.Rows);
        var (count, distinct) = SqliteCounter.Final(store, "clef");
        return Result(rate, events + options.Warmup, count, distinct, cpu, rss, output) with { Diagnostics = diagnostics };
    }

    static Measurement MeasureRedisPlugin(LoadOptions options, long events, int run, int redisPort)
    {
        using var folder = new RunFolder(options, $"s4-redis-plugin-{run}");
        var port = FreePort.Next();
        var key = $"distlog-plugin-{run}";
        using var redis = new RespClient(redisPort);
        using var server = Distlogd.Start(options, folder.Path, port, [Distlogd.Redis(redisPort, key, events * 10)], QueueCapacity(options));
        var (rate, cpu, rss, output, diagnostics) = Feed(options, server, port, events, () => redis.Integer("XLEN", key));
        var count = redis.Integer("XLEN", key);
        redis.Integer("DEL", key);
        return Result(rate, events + options.Warmup, count, count, cpu, rss, output) with { Diagnostics = diagnostics };
    }

    /// <summary>The plugin's queue holds the whole burst, so that this measures how fast the plugin drains it (with
    /// distlogd's default of 100,000, a longer burst than the store can absorb is dropped: see scenario 3).</summary>
    static long QueueCapacity(LoadOptions options) => options.QueueCapacity ?? options.Events + options.Warmup;

    /// <summary>Sends the events to distlogd and waits until <paramref name="stored"/> counts them all; stops distlogd.</summary>
    static (double Rate, double CpuPerMillion, long Rss, string Output, string? Diagnostics) Feed(LoadOptions options, ChildProcess server, int port, long events, Func<long> stored)
    {
        using var producer = RoleProcess.Start("produce", ("endpoint", $"tcp://127.0.0.1:{port}"), ("events", events),
            ("warmup", options.Warmup), ("per-message", options.Batch));
        producer.WaitForReady();
        using var diagnosis = Diagnosis.Start(options, server.Id);
        Arrival.Wait(stored, options.Warmup, Stall);
        diagnosis?.Begin();
        var cpuBefore = ProcStats.CpuSeconds(server.Id);
        producer.Go();
        var (reachedAt, _) = Arrival.Wait(stored, events + options.Warmup, Stall);
        var diagnostics = diagnosis?.End(events);
        var cpu = ProcStats.CpuSeconds(server.Id) - cpuBefore;
        var rss = ProcStats.PeakRssBytes(server.Id);
        var rate = reachedAt != 0 ? Clock.Rate(events, producer.WaitFor(ChildConsole.Result, ResultTimeout).Int64("first"), reachedAt) : double.NaN;
        server.Stop();
        return (rate, Figures.CpuPerMillion(cpu, events), rss, server.Output, diagnostics);
    }

    static Measurement MeasureSqliteRaw(LoadOptions options, long events, int run)
    {
        using var folder = new RunFolder(options, $"s4-sqlite-raw-{run}");
        using var writer = RoleProcess.Start("sqlite-raw", ("path", folder.File("raw.db")), ("events", events), ("warmup", options.Warmup));
        return Raw(writer, events, options.Warmup);
    }

    static Measurement MeasureSqliteDirect(LoadOptions options, long events, int run)
    {
        using var folder = new RunFolder(options, $"s4-sqlite-direct-{run}");
        using var writer = RoleProcess.Start("sqlite-direct", ("path", folder.File("direct.db")), ("events", events), ("warmup", options.Warmup));
        return Raw(writer, events, options.Warmup);
    }

    static Measurement MeasureRedisRaw(long events, long warmup, int run, int redisPort)
    {
        var key = $"distlog-raw-{run}";
        using var writer = RoleProcess.Start("redis-raw", ("port", redisPort), ("key", key), ("events", events), ("warmup", warmup),
            ("max-length", events * 10));
        var m = Raw(writer, events, warmup);
        using var redis = new RespClient(redisPort);
        redis.Integer("DEL", key);
        return m;
    }

    static Measurement Raw(RoleProcess writer, long events, long warmup)
    {
        writer.WaitForReady();
        writer.Go();
        var result = writer.WaitFor(ChildConsole.Result, ResultTimeout);
        var rows = result.Int64("rows");
        var expected = events + warmup;
        var rate = Clock.Rate(events, result.Int64("first"), result.Int64("done"));
        return new Measurement(rate, rows == expected, rows == expected ? $"all {Figures.Count(expected)}" : $"FAILED: {Figures.Count(rows)} of {Figures.Count(expected)}",
            Figures.CpuPerMillion(result.Double("cpu"), events), result.Int64("rss"));
    }

    static Measurement Result(double rate, long events, long count, long distinct, double cpu, long rss, string output)
    {
        var check = new DeliveryCheck(events, count, distinct);
        var tail = string.Join(" ⏎ ", output.Split('\n', StringSplitOptions.RemoveEmptyEntries).TakeLast(2));
        return new Measurement(rate, check.ExactlyOnce, check.Describe(), cpu, rss, check.ExactlyOnce ? null : tail);
    }
}
