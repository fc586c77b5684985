using System.Diagnostics;
using Serilog;

namespace Distlog.Load.Children;

/// <summary>
/// <c>app</c>: an application process for the end-to-end run. Logs <c>--tasks</c> root tasks of <c>--per-task</c>
/// events each (plus each task's started and succeeded events) through <c>WriteTo.Distlog</c> in block mode, then
/// disposes the logger, which sends what is queued. Reports its CPU time from GO to the end and its peak RSS.
/// Before READY it logs <c>--warmup-tasks</c> tasks the same way, so that JIT and buffers are warm at GO.
/// </summary>
internal static class AppCommand
{
    public static int Run(ChildArguments args)
    {
        var tasks = args.Int32("tasks");
        var perTask = args.Int32("per-task");
        var logger = new LoggerConfiguration()
            .Enrich.FromLogContext()
            .WriteTo.Distlog(args.Text("endpoint"), application: args.Text("app"), whenFull: DistlogWhenFull.Block,
                flushTimeout: TimeSpan.FromMinutes(2))
            .CreateLogger();

        LogTasks(logger, args.Int32("warmup-tasks", 0), perTask);
        ChildConsole.WriteReady(("pid", Environment.ProcessId));
        ChildConsole.WaitForGo();

        var cpuAtGo = SelfStats.CpuSeconds;
        var first = Stopwatch.GetTimestamp();
        LogTasks(logger, tasks, perTask);
        var logged = Stopwatch.GetTimestamp();
        logger.Dispose();

        ChildConsole.WriteResult(("first", first), ("logged", logged), ("flushed", Stopwatch.GetTimestamp()),
            ("events", (long)tasks * (perTask + 2)), ("cpu", SelfStats.CpuSeconds - cpuAtGo), ("rss", SelfStats.PeakRssBytes));
        return 0;
    }

    static void LogTasks(ILogger logger, int tasks, int perTask)
    {
        for (var t = 0; t < tasks; t++)
        {
            using var task = DistlogTask.Start(logger, "Import {File}", "orders.csv");
            for (var i = 0; i < perTask; i++)
                logger.Information("Stored row {Row} for {Customer} in {Elapsed} ms", i, "ACME", 1.25);
        }
    }
}
