using Distlog.Load.Children;
using Distlog.Load.Harness;
using Distlog.Load.Payloads;

namespace Distlog.Load.Scenarios;

/// <summary>
/// Scenario 2: the same <c>produce</c> process and payloads into distlogd (file plugin) and into rsyslog (imczmq →
/// omfile), one after the other in the same run, timed from the first send to the last line on disk.
/// </summary>
sealed class CollectorVsRsyslogScenario : IScenario
{
    static readonly TimeSpan Stall = TimeSpan.FromSeconds(10);
    static readonly TimeSpan ResultTimeout = TimeSpan.FromSeconds(60);

    public int Number => 2;

    public ReportSection Run(LoadOptions options)
    {
        var events = options.Events;
        var withRsyslog = Rsyslog.IsInstalled;
        var table = new MarkdownTable("events per message", "distlogd runs (events/s)", "distlogd events/s", "rsyslog runs (events/s)",
            "rsyslog events/s", "distlogd ÷ rsyslog", "CPU s per M events: distlogd / rsyslogd", "peak RSS MB: distlogd / rsyslogd");
        var section = new ReportSection("2. Collector against rsyslog (same producer, same payloads, to a file)", $"""
            One `produce` process sends {Figures.Count(options.Warmup)} untimed warm-up events, waits until they are on disk, then {Figures.Count(events)} events ({ClefPayload.Length}-byte CLEF lines, blocking PUSH) to
            **distlogd** (`file` plugin only, `rollingInterval: Infinite`, `fileSizeLimitBytes: null` — one file, as rsyslog writes —, its defaults otherwise) and, in the same run,
            to **rsyslog** (`imczmq` PULL → `omfile` with a `%rawmsg%` template, scripts/rsyslog/imczmq-omfile.conf). The order alternates run by run.
            events/s = events ÷ (first send → the harness, polling every 10 ms, sees the last line in the file).
            A run is good only when the file holds exactly the events sent, each once (checked by the payload's `Row` index);
            otherwise it is FAILED, not a speed. The ratio is the median of the per-run ratios of good runs.

            Fairness: imczmq turns every ZeroMQ *frame* into a message, so rsyslog gets the payload frame alone (no `PLC`
            topic frame, which would become a stray line). In the batched rows rsyslog receives the same batch frames
            and cannot split them: it stores each batch as one opaque message, written out (with
            `parser.escapeControlCharactersOnReceive="off"`) as the same lines. That is rsyslog's best case — it does
            per-message work once per {options.Batch} events — while distlogd parses and validates every event
            (into a `LogEvent`, which its filters and other plugins use) before it writes the line.
            """, table);

        foreach (var perMessage in new[] { 1, options.Batch })
        {
            RunSeries distlogd = new(), rsyslog = new(), ratio = new(), distlogdCpu = new(), rsyslogCpu = new(), distlogdRss = new(), rsyslogRss = new();
            for (var run = 1; run <= options.Runs; run++)
            {
                Measurement? d = null, r = null;
                foreach (var first in run % 2 == 1 ? new[] { true, false } : [false, true])
                {
                    if (first)
                        d = MeasureDistlogd(options, events, perMessage, run);
                    else if (withRsyslog)
                        r = MeasureRsyslog(options, events, perMessage, run);
                }
                Record(section, distlogd, distlogdCpu, distlogdRss, d!, $"distlogd, {perMessage}/message, run {run}");
                if (r is not null)
                {
                    Record(section, rsyslog, rsyslogCpu, rsyslogRss, r, $"rsyslog, {perMessage}/message, run {run}");
                    ratio.Add(d!.Rate / r.Rate, d.Ok && r.Ok);
                }
            }
            table.Add(perMessage.ToString(), distlogd.Runs(RunSeries.Kilo), distlogd.Cell(Figures.Rate),
                withRsyslog ? rsyslog.Runs(RunSeries.Kilo) : "rsyslog-czmq not installed", rsyslog.Cell(Figures.Rate),
                ratio.Cell(Figures.Ratio),
                $"{Figures.Number(distlogdCpu.Median)} / {Figures.Number(rsyslogCpu.Median)}",
                $"{Figures.Megabytes(distlogdRss.Median)} / {Figures.Megabytes(rsyslogRss.Median)}");
            section.Failed |= !distlogd.AllOk || (withRsyslog && !rsyslog.AllOk);
        }
        return section;
    }

    static void Record(ReportSection section, RunSeries rate, RunSeries cpu, RunSeries rss, Measurement m, string what)
    {
        rate.Add(m.Rate, m.Ok);
        cpu.Add(m.ReceiverCpuPerMillion, m.Ok);
        rss.Add(m.ReceiverPeakRss, m.Ok);
        Progress.Write($"scenario 2, {what}: {Figures.Rate(m.Rate)} events/s, {m.Arrived}");
        if (!m.Ok)
            section.Notes.Add($"- {what} FAILED: {m.Arrived}. {m.Failure}");
        if (m.Diagnostics is not null)
            section.Notes.Add($"- {what}: {m.Diagnostics}");
    }

    static Measurement MeasureDistlogd(LoadOptions options, long events, int perMessage, int run)
    {
        using var folder = new RunFolder(options, $"s2-distlogd-{perMessage}-{run}");
        var port = FreePort.Next();
        var output = folder.File("out.clef");
        var curve = options.Curve ? CurveKeys.Write(folder.Path) : null;
        using var server = Distlogd.Start(options, folder.Path, port, [Distlogd.File(output, options.FileArgs)], security: curve?.Yaml);
        using var diagnosis = Diagnosis.Start(options, server.Id);
        return Measure(server, port, frames: 2, output, events, options.Warmup, perMessage, diagnosis, curve);
    }

    static Measurement MeasureRsyslog(LoadOptions options, long events, int perMessage, int run)
    {
        using var folder = new RunFolder(options, $"s2-rsyslog-{perMessage}-{run}");
        var port = FreePort.Next();
        var output = folder.File("out.log");
        using var server = Rsyslog.Start(options, folder.Path, port, output);
        return Measure(server, port, frames: 1, output, events, options.Warmup, perMessage);
    }

    static Measurement Measure(ChildProcess server, int port, int frames, string output, long events, long warmup, int perMessage,
        Diagnosis? diagnosis = null, CurveKeys? curve = null)
    {
        (string, object)[] args = [("endpoint", $"tcp://127.0.0.1:{port}"), ("events", events), ("warmup", warmup), ("per-message", perMessage),
            ("frames", frames)];
        if (curve is not null)
            args = [.. args, ("server-key", curve.ServerPublic), ("certificate", curve.ClientSecret)];
        using var producer = RoleProcess.Start("produce", args);
        producer.WaitForReady();
        using var lines = new LineCounter(output);
        Arrival.Wait(lines.Count, warmup, Stall);
        diagnosis?.Begin();
        var cpuBefore = ProcStats.CpuSeconds(server.Id);
        var go = Clock.Now;
        producer.Go();
        var (reachedAt, _) = Arrival.Wait(lines.Count, events + warmup, Stall);
        var diagnostics = diagnosis?.End(events);
        var cpu = ProcStats.CpuSeconds(server.Id) - cpuBefore;
        var rss = ProcStats.PeakRssBytes(server.Id);
        // A receiver that lost events leaves the producer waiting for room: then the harness's GO is the start.
        var first = reachedAt != 0 ? producer.WaitFor(ChildConsole.Result, ResultTimeout).Int64("first") : go;
        server.Stop();

        var check = DeliveryCheck.ByRowIndex(output, events + warmup);
        var failure = check.ExactlyOnce ? null : LastLines(server.Output, 3);
        return new Measurement(reachedAt != 0 ? Clock.Rate(events, first, reachedAt) : double.NaN, check.ExactlyOnce,
            check.Describe(), Figures.CpuPerMillion(cpu, events), rss, failure)
        { Diagnostics = diagnostics };
    }

    static string LastLines(string output, int count)
    {
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        return lines.Length == 0 ? "" : $"{lines.Length} lines of output, the last: `{string.Join(" ⏎ ", lines.TakeLast(count)).Trim()}`";
    }
}
