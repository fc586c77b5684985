extern alias distlogd;

using BenchmarkDotNet.Attributes;
using distlogd::Distlog.Collector.Configuration;
using distlogd::Distlog.Collector.Events;
using distlogd::Distlog.Collector.Ingest;
using distlogd::Distlog.Collector.Plugins;
using Serilog.Core;
using Serilog.Events;

namespace Distlog.Benchmarks.Collector;

/// <summary>
/// The hand-off from the ingest thread to a plugin's worker, per event, with a sink that only counts: 200,000 events
/// offered one message at a time (1 or 100 events per message), pausing while the queue is more than half full, until
/// the worker has delivered them all.
/// </summary>
[MemoryDiagnoser]
public class HandoffBenchmarks
{
    const int Events = 200_000;

    IngestedEvent[] _message = [];
    PluginHost _host = null!;

    [Params(1, 100)]
    public int PerMessage { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var template = new Serilog.Parsing.MessageTemplateParser().Parse("m");
        var logEvent = new LogEvent(DateTimeOffset.UtcNow, LogEventLevel.Information, null, template, []);
        _message = Enumerable.Repeat(new IngestedEvent(logEvent, 'P'), PerMessage).ToArray();
        _host = new PluginHost("bench", () => new CountingSink(), new PluginFilter(FilterSettings.None), PluginSettings.DefaultQueueCapacity,
            PluginSettings.DefaultBatchSize, Logger.None);
        _host.Start();
    }

    [GlobalCleanup]
    public void Cleanup() => _host.Dispose();

    [Benchmark(OperationsPerInvoke = Events)]
    public void OfferAndDeliver()
    {
        var target = _host.Delivered + Events;
        var spin = new SpinWait();
        for (var i = 0; i < Events; i += PerMessage)
        {
            _host.Offer(_message);
            while (_host.QueueDepth > PluginSettings.DefaultQueueCapacity / 2)
                spin.SpinOnce();
        }
        while (_host.Delivered < target)
            spin.SpinOnce();
    }

    sealed class CountingSink : IBatchSink
    {
        public void EmitBatch(EventBatch batch) { }

        public void Dispose() { }
    }
}
