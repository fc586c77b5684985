using System.Diagnostics;
using System.Runtime;
using Serilog;

namespace Distlog.Load.Children;

/// <summary>
/// <c>app</c>: an application process for the end-to-end run. Logs <c>--tasks</c> root tasks of <c>--per-task</c>
/// events each (plus each task's started and succeeded events) through <c>WriteTo.Distlog</c> in block mode, then
/// disposes the logger, which sends what is queued. Reports its CPU time from GO to the end and its peak RSS.
/// Before READY it logs <c>--warmup-tasks</c> tasks the same way, and then more until the JIT has gone quiet, so that
/// tiered compilation is over and buffers are warm at GO; READY says how many warm-up events it logged. RESULT says
/// what the JIT still compiled during the measurement.
/// </summary>
static class AppCommand
{
    // Tiered compilation recompiles a hot method twice (tier 0, instrumented, tier 1), each time only after it was called
    // often enough and the runtime's call-counting delay passed: with four apps on two cores it takes seconds, and only
    // while the methods keep being called. Logging goes on until this long passes without a method compiled.
    static readonly TimeSpan JitQuiet = TimeSpan.FromSeconds(1);
    static readonly TimeSpan JitWarmupLimit = TimeSpan.FromSeconds(10);
    const int WarmupRound = 10;

    public static int Run(ChildArguments args)
    {
        var tasks = args.Int32("tasks");
        var perTask = args.Int32("per-task");
        var logger = new LoggerConfiguration()
            .Enrich.FromLogContext()
            .WriteTo.Distlog(args.Text("endpoint"), application: args.Text("app"), whenFull: DistlogWhenFull.Block,
                flushTimeout: TimeSpan.FromMinutes(2))
            .CreateLogger();

        var warmupTasks = args.Int32("warmup-tasks", 0);
        LogTasks(logger, warmupTasks, perTask);
        warmupTasks += LogUntilJitIsQuiet(logger, perTask);
        ChildConsole.WriteReady(("pid", Environment.ProcessId), ("warmup-events", (long)warmupTasks * (perTask + 2)));
        ChildConsole.WaitForGo();

        var cpuAtGo = SelfStats.CpuSeconds;
        var jitMethodsAtGo = JitInfo.GetCompiledMethodCount();
        var jitTimeAtGo = JitInfo.GetCompilationTime();
        var first = Stopwatch.GetTimestamp();
        LogTasks(logger, tasks, perTask);
        var logged = Stopwatch.GetTimestamp();
        logger.Dispose();

        ChildConsole.WriteResult(("first", first), ("logged", logged), ("flushed", Stopwatch.GetTimestamp()),
            ("events", (long)tasks * (perTask + 2)), ("cpu", SelfStats.CpuSeconds - cpuAtGo), ("rss", SelfStats.PeakRssBytes),
            ("jit-methods", JitInfo.GetCompiledMethodCount() - jitMethodsAtGo),
            ("jit-seconds", (JitInfo.GetCompilationTime() - jitTimeAtGo).TotalSeconds));
        return 0;
    }

    /// <summary>Logs rounds of tasks until no method was compiled for <see cref="JitQuiet"/>; the tasks logged.</summary>
    static int LogUntilJitIsQuiet(ILogger logger, int perTask)
    {
        var start = Stopwatch.GetTimestamp();
        var compiled = JitInfo.GetCompiledMethodCount();
        var quietSince = start;
        var tasks = 0;
        while (Stopwatch.GetElapsedTime(quietSince) < JitQuiet && Stopwatch.GetElapsedTime(start) < JitWarmupLimit)
        {
            LogTasks(logger, WarmupRound, perTask);
            tasks += WarmupRound;
            var now = JitInfo.GetCompiledMethodCount();
            if (now != compiled)
            {
                compiled = now;
                quietSince = Stopwatch.GetTimestamp();
            }
        }
        return tasks;
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
