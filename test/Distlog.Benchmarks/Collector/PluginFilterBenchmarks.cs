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
/// A plugin filter's cost per event on the ingest thread, over the harness's 226-byte lines as ingest leaves them (summarised,
/// their <see cref="LogEvent"/> not built): the fixed filter (<c>minimumLevel</c> and <c>application</c>) against the
/// same condition as a Serilog.Expressions <c>expression</c>, which must read each line into an event first.
/// </summary>
[MemoryDiagnoser]
public class PluginFilterBenchmarks
{
    const int Events = 1_000;

    readonly List<IngestedEvent> _events = [];
    PluginFilter _fixed = null!;
    PluginFilter _expression = null!;

    [GlobalSetup]
    public void Setup()
    {
        new MessageDecoder(new RejectionReporter(new IngestCounters(), Logger.None)).Decode("PLC"u8, CollectorPayload.Batch(Events), _events);
        _fixed = new PluginFilter(FilterSettings.None with { MinimumLevel = LogEventLevel.Information, Applications = ["load"] });
        _expression = new PluginFilter(FilterSettings.None with { Expression = "@l in ['Information', 'Warning', 'Error', 'Fatal'] and Application = 'load'" });
        if (!_events.TrueForAll(e => _fixed.Passes(e) && _expression.Passes(e)))
            throw new InvalidOperationException("both filters must pass every benchmark event");
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Events)]
    public int Fixed() => Count(_fixed);

    [Benchmark(OperationsPerInvoke = Events)]
    public int Expression() => Count(_expression);

    int Count(PluginFilter filter)
    {
        var passed = 0;
        foreach (var e in _events)
        {
            if (filter.Passes(e))
                passed++;
        }
        return passed;
    }
}
