using BenchmarkDotNet.Attributes;
using Distlog;
using Distlog.Transport;
using Serilog;
using Serilog.Core;

namespace Distlog.Benchmarks.Sinks;

/// <summary>
/// The app thread's cost of logging inside a task scope: WriteTo.Distlog (with a real PULL peer draining
/// on loopback) against Serilog's WriteTo.Async wrapping a file sink, the usual non-blocking baseline; and
/// WriteTo.Distlog without Enrich.FromLogContext(), where the sink gives each event its task key.
/// </summary>
[MemoryDiagnoser]
public class EmitBenchmarks
{
    const int EventsPerTask = 100;

    ZmqContext? _context;
    Thread? _drain;
    volatile bool _stopping;
    Logger? _distlog;
    Logger? _distlogWithoutLogContext;
    Logger? _async;
    string? _folder;

    [GlobalSetup]
    public void Setup()
    {
        _context = new ZmqContext();
        var pull = _context.CreateSocket(ZmqSocketType.Pull);
        pull.ReceiveTimeout = TimeSpan.FromMilliseconds(100);
        pull.Bind("tcp://127.0.0.1:*");
        var endpoint = pull.LastEndpoint;
        _drain = new Thread(() =>
        {
            using var message = new ZmqMessage();
            while (!_stopping)
                pull.TryReceive(message);
            pull.Dispose();
        })
        { IsBackground = true };
        _drain.Start();

        _folder = Directory.CreateTempSubdirectory("distlog-bench-").FullName;
        _distlog = new LoggerConfiguration().Enrich.FromLogContext().WriteTo.Distlog(endpoint, application: "bench").CreateLogger();
        // Without Enrich.FromLogContext() the sink keys a copy of each event itself.
        _distlogWithoutLogContext = new LoggerConfiguration().WriteTo.Distlog(endpoint, application: "bench").CreateLogger();
        _async = new LoggerConfiguration().Enrich.FromLogContext()
            .WriteTo.Async(a => a.File(new Distlog.Clef.ClefFormatter(), Path.Combine(_folder, "bench.clef")))
            .CreateLogger();
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _distlog?.Dispose();
        _distlogWithoutLogContext?.Dispose();
        _async?.Dispose();
        _stopping = true;
        _drain?.Join();
        _context?.Dispose();
        Directory.Delete(_folder!, recursive: true);
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = EventsPerTask + 2)]
    public void SerilogAsyncFile() => LogInTask(_async!);

    [Benchmark(OperationsPerInvoke = EventsPerTask + 2)]
    public void DistlogSink() => LogInTask(_distlog!);

    [Benchmark(OperationsPerInvoke = EventsPerTask + 2)]
    public void DistlogSinkWithoutLogContext() => LogInTask(_distlogWithoutLogContext!);

    static void LogInTask(Logger logger)
    {
        using (DistlogTask.Start(logger, "Import {File}", "orders.csv"))
        {
            for (var i = 0; i < EventsPerTask; i++)
                logger.Information("Stored row {Row} for {Customer} in {Elapsed} ms", i, "ACME", 1.25);
        }
    }
}
