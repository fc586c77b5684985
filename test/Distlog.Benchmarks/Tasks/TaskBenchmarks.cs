using System.Diagnostics;
using BenchmarkDotNet.Attributes;
using Distlog;
using Serilog;
using Serilog.Context;
using Serilog.Core;

namespace Distlog.Benchmarks.Tasks;

/// <summary>
/// Starting and ending a task (which writes two events to a logger with no sinks) against the two
/// things it is built from: a LogContext push and an Activity start/stop.
/// </summary>
[MemoryDiagnoser]
public class TaskBenchmarks
{
    readonly Logger _logger = new LoggerConfiguration().Enrich.FromLogContext().CreateLogger();

    [Benchmark(Baseline = true)]
    public void LogContextPushProperty()
    {
        using (LogContext.PushProperty("TaskKey", "0@4bf92f3577b34da6a3ce929d0e0e4736")) { }
    }

    [Benchmark]
    public void ActivityStartStop()
    {
        using (new Activity("task").Start()) { }
    }

    [Benchmark]
    public void DistlogTaskStartStop()
    {
        using (DistlogTask.Start(_logger, "Import {File}", "orders.csv")) { }
    }

    [Benchmark]
    public void DistlogSubtaskStartStop()
    {
        using (DistlogTask.Start(_logger, "Import {File}", "orders.csv"))
        using (DistlogTask.To("Parse {Line}", 42)) { }
    }
}
