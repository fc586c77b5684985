using Distlog.Load.Children;
using Distlog.Load.Harness;
using Distlog.Load.Payloads;

namespace Distlog.Load.Scenarios;

/// <summary>
/// Scenario 1, the physical limit: a <c>produce</c> process PUSHes pre-formatted CLEF payloads through our libzmq
/// binding to a <c>consume</c> process's PULL, which only counts the lines; one event per message, then batched.
/// </summary>
sealed class RawCeilingScenario : IScenario
{
    public const int EventsFactor = 4;
    static readonly TimeSpan ResultTimeout = TimeSpan.FromMinutes(3);

    public int Number => 1;

    public ReportSection Run(LoadOptions options)
    {
        var events = options.Events * EventsFactor;
        var table = new MarkdownTable("events per message", "events", "runs (events/s)", "median events/s", "median MB/s",
            "producer CPU s per M events", "consumer CPU s per M events");
        foreach (var perMessage in new[] { 1, options.Batch })
        {
            RunSeries rate = new(), cpuProducer = new(), cpuConsumer = new();
            for (var run = 1; run <= options.Runs; run++)
            {
                var (eventsPerSecond, ok, producerCpu, consumerCpu) = Measure(events, options.Warmup, perMessage);
                rate.Add(eventsPerSecond, ok);
                cpuProducer.Add(Figures.CpuPerMillion(producerCpu, events), ok);
                cpuConsumer.Add(Figures.CpuPerMillion(consumerCpu, events), ok);
                Progress.Write($"scenario 1, {perMessage}/message, run {run}: {Figures.Rate(eventsPerSecond)} events/s{(ok ? "" : " FAILED")}");
            }
            var megabytes = rate.Median * (ClefPayload.Length + 1) / (1024 * 1024);
            table.Add(perMessage.ToString(), Figures.Count(events), rate.Runs(RunSeries.Kilo), rate.Cell(Figures.Rate),
                Figures.Number(megabytes, "0"), cpuProducer.Cell(v => Figures.Number(v)), cpuConsumer.Cell(v => Figures.Number(v)));
        }

        return new ReportSection("1. Raw libzmq ceiling (PUSH → PULL, our binding, two processes)", $"""
            After {Figures.Count(options.Warmup)} untimed warm-up events, `produce` sends {Figures.Count(events)} pre-formatted CLEF events of {ClefPayload.Length} bytes as distlog messages
            (frame 1 `PLC`, frame 2 the payload; a batch joins its events with `\n`) from one PUSH socket through
            `Distlog.Transport`; `consume`, another process, PULLs and counts the lines of each payload, nothing else.
            events/s = events ÷ (consumer's last receive − producer's first send), on the shared monotonic clock.
            This is the ceiling the collector is measured against: it parses nothing and writes nothing.
            """, table);
    }

    static (double Rate, bool Ok, double ProducerCpu, double ConsumerCpu) Measure(long events, long warmup, int perMessage)
    {
        using var consumer = RoleProcess.Start("consume", ("events", events + warmup), ("warmup", warmup));
        var endpoint = consumer.WaitForReady().Text("endpoint");
        using var producer = RoleProcess.Start("produce", ("endpoint", endpoint), ("events", events), ("warmup", warmup),
            ("per-message", perMessage));
        producer.WaitForReady();
        consumer.WaitFor(ChildConsole.Warm, ResultTimeout);
        producer.Go();
        var sent = producer.WaitFor(ChildConsole.Result, ResultTimeout);
        var received = consumer.WaitFor(ChildConsole.Result, ResultTimeout);
        var ok = received.Int64("received") == events + warmup;
        var rate = Clock.Rate(events, sent.Int64("first"), received.Int64("last"));
        return (rate, ok, sent.Double("cpu"), received.Double("cpu"));
    }
}
