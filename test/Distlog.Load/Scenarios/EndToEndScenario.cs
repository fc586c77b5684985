using Distlog.Load.Children;
using Distlog.Load.Harness;
using Distlog.Load.Stores;

namespace Distlog.Load.Scenarios;

/// <summary>
/// Scenario 3: 1..n application processes log through <c>WriteTo.Distlog</c> (block mode) inside task scopes into
/// one distlogd with the file, sqlite and publish plugins; timed until the last event is in the file and in SQLite.
/// </summary>
sealed class EndToEndScenario : IScenario
{
    public const int EventsPerTask = 100;
    static readonly TimeSpan Stall = TimeSpan.FromSeconds(5);
    static readonly TimeSpan ResultTimeout = TimeSpan.FromSeconds(120);
    // The apps' warm-up goes on until their JIT is quiet (at most 10 s after the fixed part).
    static readonly TimeSpan ReadyTimeout = TimeSpan.FromSeconds(120);

    public int Number => 3;

    public ReportSection Run(LoadOptions options)
    {
        var table = new MarkdownTable("app processes", "events", "runs (events/s)", "events/s (all in file and sqlite)",
            "events/s (all in the file)",
            "CPU s per M events: apps / distlogd", "apps' JIT after GO: methods / s", "peak RSS MB: each app (max) / distlogd", "arrived (file; sqlite)");
        var plugins = !options.EndToEndSqlite ? $"file (whenFull: {options.StoreWhenFull}) + publish, --e2e-no-sqlite"
            : $"file + sqlite (both whenFull: {options.StoreWhenFull}) + publish";
        var section = new ReportSection($"3. End to end: apps → WriteTo.Distlog → distlogd ({plugins})", $"""
            Each `app` process logs root tasks (`DistlogTask.Start(logger, "Import {"{File}"}", ...)`) of {EventsPerTask - 2}
            `logger.Information("Stored row {"{Row}"} for {"{Customer}"} in {"{Elapsed}"} ms", ...)` events plus the started and
            succeeded events, through `Enrich.FromLogContext().WriteTo.Distlog(endpoint, whenFull: Block)` with the sink's
            defaults (queue 100,000, batches of up to 1,000 events). Before GO they log {Figures.Count(options.Warmup)} untimed
            warm-up events between them, and each goes on logging until its JIT compiled nothing for a second (tiered
            compilation recompiles hot methods for seconds after start, and only while they run); the harness waits until
            all warm-up events are stored; then, at GO, together they log {Figures.Count(options.Events)} events
            into one distlogd with `file`, `sqlite` and `publish` (no subscriber). events/s = events ÷ (the first app's first
            log call → the harness sees the last event in both the file and the SQLite store; the next column stops at
            the file alone, and counts a run whose file is complete even when SQLite lost events). CPU is utime+stime from GO to the
            end (apps: `Process.TotalProcessorTime`; distlogd: /proc/PID/stat), per million events; peak RSS is VmHWM.
            Exactly once: the file's line count and its distinct `TaskKey`s, and SQLite's `count(*)` and
            `count(DISTINCT task_key)`, all equal the events logged.{AppEnvironment(options)}
            """, table);

        foreach (var producers in options.Producers)
        {
            RunSeries rate = new(), fileRate = new(), appCpu = new(), collectorCpu = new(), appRss = new(), collectorRss = new(),
                jitMethods = new(), jitSeconds = new();
            var runs = new List<EndToEndMeasurement>();
            long expected = 0;
            for (var run = 1; run <= options.Runs; run++)
            {
                var tasks = (int)Math.Max(1, options.Events / producers / EventsPerTask);
                expected = (long)tasks * EventsPerTask * producers;
                var warmTasks = (int)Math.Max(1, options.Warmup / producers / EventsPerTask);
                var m = Measure(options, producers, tasks, warmTasks, expected, run);
                rate.Add(m.Rate, m.Ok);
                fileRate.Add(m.FileRate, !double.IsNaN(m.FileRate));
                // The costs count wherever the file got everything, even if SQLite lost events.
                var measured = !double.IsNaN(m.FileRate);
                appCpu.Add(m.AppCpuPerMillion, measured);
                collectorCpu.Add(m.ReceiverCpuPerMillion, measured);
                appRss.Add(m.AppPeakRss, measured);
                collectorRss.Add(m.ReceiverPeakRss, measured);
                jitMethods.Add(m.AppJitMethods, measured);
                jitSeconds.Add(m.AppJitSeconds, measured);
                runs.Add(m);
                Progress.Write($"scenario 3, {producers} apps, run {run}: {Figures.Rate(m.Rate)} events/s, {m.Arrived}; "
                    + $"apps' JIT after GO: {m.AppJitMethods} methods, {m.AppJitSeconds:0.00} s");
                if (!m.Ok)
                    section.Notes.Add($"- {producers} apps, run {run} FAILED: {m.Arrived}. {m.Failure}");
                if (m.Diagnostics is not null)
                    section.Notes.Add($"- {producers} apps, run {run}, distlogd: {m.Diagnostics}");
            }
            table.Add(producers.ToString(), Figures.Count(expected), rate.Runs(RunSeries.Kilo), rate.Cell(Figures.Rate), fileRate.Cell(Figures.Rate),
                $"{Figures.Number(appCpu.Median)} / {Figures.Number(collectorCpu.Median)}",
                $"{jitMethods.Median:0} / {jitSeconds.Median:0.00}",
                $"{Figures.Megabytes(appRss.Median)} / {Figures.Megabytes(collectorRss.Median)}",
                Summary(runs, options.EndToEndSqlite ? "in the file and in sqlite" : "in the file"));
            section.Failed |= !rate.AllOk;
        }
        return section;
    }

    static string AppEnvironment(LoadOptions options) => options.AppEnvironment.Count == 0
        ? " The apps run with .NET's defaults for a console program (workstation GC)."
        : $" The apps run with {string.Join(", ", options.AppEnvironment.Select(v => $"`{v.Key}={v.Value}`"))}.";

    static EndToEndMeasurement Measure(LoadOptions options, int producers, int tasks, int warmTasks, long expected, int run)
    {
        using var folder = new RunFolder(options, $"s3-{producers}-{run}");
        var port = FreePort.Next();
        var file = folder.File("out.clef");
        var store = folder.File("distlog.db");
        string[] plugins = options.EndToEndSqlite
            ? [Distlogd.File(file, options.FileArgs, options.StoreWhenFull), Distlogd.Sqlite(store, options.StoreWhenFull), Distlogd.Publish(FreePort.Next())]
            : [Distlogd.File(file, options.FileArgs, options.StoreWhenFull), Distlogd.Publish(FreePort.Next())];
        using var server = Distlogd.Start(options, folder.Path, port, plugins);

        var apps = new List<RoleProcess>();
        try
        {
            for (var i = 0; i < producers; i++)
            {
                apps.Add(RoleProcess.Start("app", options.AppEnvironment, ("endpoint", $"tcp://127.0.0.1:{port}"), ("tasks", tasks),
                    ("per-task", EventsPerTask - 2), ("warmup-tasks", warmTasks), ("app", $"load-{i + 1}")));
            }
            var warm = apps.Sum(app => app.WaitFor(ChildConsole.Ready, ReadyTimeout).Int64("warmup-events"));

            using var lines = new LineCounter(file);
            using var rows = new SqliteCounter(store);
            long Arrived() => options.EndToEndSqlite ? Math.Min(lines.Count(), rows.Rows()) : lines.Count();
            Arrival.Wait(Arrived, warm, Stall, TimeSpan.FromMilliseconds(20));
            using var diagnosis = Diagnosis.Start(options, server.Id);
            diagnosis?.Begin();
            var cpuBefore = ProcStats.CpuSeconds(server.Id);
            var go = Clock.Now;
            foreach (var app in apps)
                app.Go();
            Func<long>[] stores = options.EndToEndSqlite ? [lines.Count, rows.Rows] : [lines.Count];
            var (reached, _) = Arrival.WaitAll(stores, warm + expected, Stall, TimeSpan.FromMilliseconds(20));
            var reachedAt = reached.Contains(0) ? 0 : reached.Max();
            var cpu = ProcStats.CpuSeconds(server.Id) - cpuBefore;
            var rss = ProcStats.PeakRssBytes(server.Id);
            var diagnostics = diagnosis?.End(expected);
            var results = reached[0] != 0 ? apps.Select(app => app.WaitFor(ChildConsole.Result, ResultTimeout)).ToList() : [];
            server.Stop();

            var inFile = DeliveryCheck.ByTaskKey(file, warm + expected);
            var (sqliteRows, sqliteKeys) = !options.EndToEndSqlite ? (warm + expected, warm + expected)
                : File.Exists(store) ? SqliteCounter.Final(store, "task_key") : (0, 0);
            var ok = inFile.ExactlyOnce && sqliteRows == warm + expected && sqliteKeys == warm + expected;
            var arrived = ok ? $"all {Figures.Count(warm + expected)}, once ({(options.EndToEndSqlite ? "file and sqlite" : "file")})"
                : $"file: {inFile.Describe()}; sqlite: {Figures.Count(sqliteRows)} rows, {Figures.Count(sqliteKeys)} distinct";
            var first = results.Count > 0 ? results.Min(r => r.Int64("first")) : go;
            return new EndToEndMeasurement(
                reachedAt != 0 ? Clock.Rate(expected, first, reachedAt) : double.NaN,
                reached[0] != 0 && inFile.ExactlyOnce ? Clock.Rate(expected, first, reached[0]) : double.NaN, ok, arrived,
                results.Count > 0 ? Figures.CpuPerMillion(results.Sum(r => r.Double("cpu")), expected) : double.NaN,
                results.Count > 0 ? results.Max(r => r.Int64("rss")) : -1,
                Figures.CpuPerMillion(cpu, expected), rss,
                ok ? null : server.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries).LastOrDefault())
            {
                FileOk = inFile.ExactlyOnce,
                AppJitMethods = results.Sum(r => r.Int64("jit-methods")),
                AppJitSeconds = results.Sum(r => r.Double("jit-seconds")),
                SqliteRows = sqliteRows,
                Diagnostics = diagnostics,
                Total = warm + expected,
            };
        }
        finally
        {
            foreach (var app in apps)
                app.Dispose();
        }
    }

    /// <summary>What arrived over the runs, in one cell: the file's verdict and SQLite's range of rows.</summary>
    static string Summary(List<EndToEndMeasurement> runs, string where)
    {
        // The apps' warm-up runs until their JIT is quiet, so each run has its own total.
        var (least, most) = (runs.Min(run => run.Total), runs.Max(run => run.Total));
        var totals = least == most ? Figures.Count(least) : $"{Figures.Count(least)}–{Figures.Count(most)}";
        if (runs.All(run => run.Ok))
            return $"all {totals} (with warm-up), once, {where}";
        var fileOk = runs.Count(run => run.FileOk);
        var min = runs.Min(run => run.SqliteRows);
        var max = runs.Max(run => run.SqliteRows);
        var rows = min == max ? Figures.Count(min) : $"{Figures.Count(min)}–{Figures.Count(max)}";
        return $"file: all, once in {fileOk}/{runs.Count} runs; sqlite: {rows} rows of {totals}";
    }
}
