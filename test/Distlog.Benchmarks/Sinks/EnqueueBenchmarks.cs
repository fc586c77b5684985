using BenchmarkDotNet.Attributes;
using Distlog;
using Distlog.Sinks.ZeroMq;
using Serilog;
using Serilog.Core;
using Serilog.Events;
using Serilog.Parsing;

namespace Distlog.Benchmarks.Sinks;

/// <summary>
/// The enqueue alone: what logging costs the app thread while each sink's worker stands still, so that no
/// worker, socket or disk competes for the 2 cores. WriteTo.Distlog's worker waits for a collector that is not
/// there; WriteTo.Async's wrapped sink waits on a gate. Each iteration starts with fresh, empty queues.
/// The queue runs deep, so WriteTo.Distlog formats past its first 1,000 events on the app thread (its default);
/// the <c>QueuingEvents</c> rows set the depth out of reach, to show the bare hand-off of a worker that keeps up.
/// </summary>
[MemoryDiagnoser]
[InvocationCount(1024, 1)]
public class EnqueueBenchmarks
{
    const int EventsPerTask = 100;
    const int QueueLimit = 1024 * (EventsPerTask + 2) + 1;

    readonly LogEvent _event = new(DateTimeOffset.Now, LogEventLevel.Information, null,
        new MessageTemplateParser().Parse("Stored row {Row} for {Customer}"),
        [new LogEventProperty("Row", new ScalarValue(7)), new LogEventProperty("Customer", new ScalarValue("ACME"))]);

    ManualResetEventSlim? _gate;
    Logger? _distlog;
    Logger? _distlogQueuingEvents;
    Logger? _async;

    [IterationSetup]
    public void Setup()
    {
        _gate = new ManualResetEventSlim();
        var distlogSink = new DistlogSink(new DistlogSinkOptions
        {
            Endpoint = "tcp://127.0.0.1:9",
            Application = "bench",
            QueueLimit = QueueLimit,
            FlushTimeout = TimeSpan.Zero,
        });
        _distlog = new LoggerConfiguration().Enrich.FromLogContext().WriteTo.Sink(distlogSink).CreateLogger();
        var queuingEvents = new DistlogSink(new DistlogSinkOptions
        {
            Endpoint = "tcp://127.0.0.1:9",
            Application = "bench",
            QueueLimit = QueueLimit,
            FlushTimeout = TimeSpan.Zero,
            FormatOnEmitDepth = int.MaxValue,
        });
        _distlogQueuingEvents = new LoggerConfiguration().Enrich.FromLogContext().WriteTo.Sink(queuingEvents).CreateLogger();

        var gate = _gate;
        _async = new LoggerConfiguration().Enrich.FromLogContext()
            .WriteTo.Async(a => a.Sink(new GateSink(gate)), bufferSize: QueueLimit)
            .CreateLogger();
    }

    [IterationCleanup]
    public void Cleanup()
    {
        _distlog!.Dispose();
        _distlogQueuingEvents!.Dispose();
        _gate!.Set();
        _async!.Dispose();
        _gate.Dispose();
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = EventsPerTask + 2)]
    public void SerilogAsyncInTask() => LogInTask(_async!);

    [Benchmark(OperationsPerInvoke = EventsPerTask + 2)]
    public void DistlogInTask() => LogInTask(_distlog!);

    [Benchmark(OperationsPerInvoke = EventsPerTask + 2)]
    public void DistlogInTaskQueuingEvents() => LogInTask(_distlogQueuingEvents!);

    [Benchmark(OperationsPerInvoke = EventsPerTask + 2)]
    public void SerilogAsyncPrebuiltEvent() => WriteMany(_async!);

    [Benchmark(OperationsPerInvoke = EventsPerTask + 2)]
    public void DistlogPrebuiltEvent() => WriteMany(_distlog!);

    [Benchmark(OperationsPerInvoke = EventsPerTask + 2)]
    public void DistlogPrebuiltEventQueuingEvents() => WriteMany(_distlogQueuingEvents!);

    static void LogInTask(Logger logger)
    {
        using (DistlogTask.Start(logger, "Import {File}", "orders.csv"))
        {
            for (var i = 0; i < EventsPerTask; i++)
                logger.Information("Stored row {Row} for {Customer} in {Elapsed} ms", i, "ACME", 1.25);
        }
    }

    /// <summary>A ready event through the logger to its one sink: no template parsing or capturing, just the hand-off.</summary>
    void WriteMany(Logger logger)
    {
        for (var i = 0; i < EventsPerTask + 2; i++)
            logger.Write(_event);
    }

    sealed class GateSink(ManualResetEventSlim gate) : ILogEventSink
    {
        public void Emit(LogEvent logEvent) => gate.Wait();
    }
}
