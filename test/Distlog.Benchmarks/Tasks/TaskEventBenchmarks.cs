using BenchmarkDotNet.Attributes;
using Serilog;
using Serilog.Context;
using Serilog.Core;
using Serilog.Events;

namespace Distlog.Benchmarks.Tasks;

/// <summary>
/// What an event costs on the logging thread inside a task (a new <c>TaskKey</c> per event) against inside a plain
/// <c>LogContext.PushProperty</c> of a fixed key, and outside any scope; into a sink that only keeps the event.
/// </summary>
[MemoryDiagnoser]
public class TaskEventBenchmarks
{
    const int EventsPerScope = 100;

    readonly Logger _logger = new LoggerConfiguration().Enrich.FromLogContext().WriteTo.Sink(new LastEventSink()).CreateLogger();

    [Benchmark(Baseline = true, OperationsPerInvoke = EventsPerScope)]
    public void EventsInPushedProperty()
    {
        using (LogContext.PushProperty("TaskKey", "0@4bf92f3577b34da6a3ce929d0e0e4736"))
            LogEvents();
    }

    [Benchmark(OperationsPerInvoke = EventsPerScope)]
    public void EventsInTask()
    {
        using (DistlogTask.Start(_logger, "Import {File}", "orders.csv"))
            LogEvents();
    }

    [Benchmark(OperationsPerInvoke = EventsPerScope)]
    public void EventsInSubtask()
    {
        using (DistlogTask.Start(_logger, "Import {File}", "orders.csv"))
        using (DistlogTask.To("Parse {Line}", 42))
            LogEvents();
    }

    [Benchmark(OperationsPerInvoke = EventsPerScope)]
    public void EventsOutsideAnyScope() => LogEvents();

    void LogEvents()
    {
        for (var i = 0; i < EventsPerScope; i++)
            _logger.Information("Stored row {Row} for {Customer} in {Elapsed} ms", i, "ACME", 1.25);
    }

    sealed class LastEventSink : ILogEventSink
    {
        public LogEvent? Last { get; private set; }

        public void Emit(LogEvent logEvent) => Last = logEvent;
    }
}
