using System.Diagnostics;
using Distlog.Clef;
using Distlog.Serilog.Tests.Support;
using Distlog.Sinks.ZeroMq;
using Serilog;
using Serilog.Debugging;

namespace Distlog.Serilog.Tests.Sinks.ZeroMq;

/// <summary>Acknowledged delivery, against a receiver that acknowledges as distlogd does (or is told not to).</summary>
[NonParallelizable]
[TestFixture(DistlogTransport.LibZmq)]
[TestFixture(DistlogTransport.NetMq)]
public sealed class DistlogSinkAcknowledgementTests(DistlogTransport transport)
{
    static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    readonly List<string> _selfLog = [];

    [SetUp]
    public void CaptureSelfLog()
    {
        // Each test reads only its own lines: an earlier test's receiver may have had the same port.
        lock (_selfLog)
            _selfLog.Clear();
        global::Serilog.Debugging.SelfLog.Enable(m => { lock (_selfLog) _selfLog.Add(m); });
    }

    [TearDown]
    public void ReleaseSelfLog() => global::Serilog.Debugging.SelfLog.Disable();

    [Test]
    public void BatchesLostWithACollectorThatDiedAreSentAgainAndArriveOnce()
    {
        using var receiver = new PullReceiver { Paused = true };
        var sink = new DistlogSink(new DistlogSinkOptions
        {
            Transport = transport,
            Endpoint = receiver.Endpoint,
            ControlEndpoint = receiver.ControlEndpoint,
            Application = "again",
            BatchSizeLimit = 3,
        });
        using (var logger = new LoggerConfiguration().WriteTo.Sink(sink).CreateLogger())
        {
            for (var i = 0; i < 10; i++)
                logger.Information("Event {N}", i);
            // The receiver takes the messages and forgets them, as a collector killed before journaling them would.
            Assert.That(Eventually(() => sink.Unacknowledged == 10), Is.True, "sent and kept");
            receiver.Paused = false;
            Assert.That(Eventually(() => receiver.LineCount == 10), Is.True, $"resent: {receiver.LineCount} of 10");
        }

        var numbers = receiver.Lines.Select(l => ClefReader.Read(l).Properties["N"].ToString()).ToList();
        Assert.That(numbers, Is.EquivalentTo(Enumerable.Range(0, 10).Select(i => i.ToString())), "every event once");
        Assert.That(sink.Resent, Is.GreaterThanOrEqualTo(4), "the four batches went out twice");
        Assert.That(sink.Sent, Is.EqualTo(10), "acknowledged");
        Assert.That(sink.Dropped, Is.Zero);
    }

    [Test]
    public void ANeverAcknowledgingReceiverGetsEachBatchAgainAndDisposalReportsWhatWasNotAcknowledged()
    {
        using var receiver = new PullReceiver(acknowledge: false);
        var sink = new DistlogSink(new DistlogSinkOptions
        {
            Transport = transport,
            Endpoint = receiver.Endpoint,
            ControlEndpoint = receiver.ControlEndpoint,
            Application = "silent",
            FlushTimeout = TimeSpan.FromSeconds(3),
        });
        var logger = new LoggerConfiguration().WriteTo.Sink(sink).CreateLogger();
        for (var i = 0; i < 5; i++)
            logger.Information("Event {N}", i);

        logger.Dispose();

        Assert.That(receiver.Resent, Is.GreaterThanOrEqualTo(1), "the batch was sent again while waiting for its acknowledgement");
        Assert.That(sink.Dropped, Is.EqualTo(5));
        Assert.That(SelfLines(), Has.Some.Contains("5 events were not delivered").And.Contains("never acknowledged"));
    }

    [Test]
    public void WithoutAcknowledgementsABatchGoesOutOnceAsTwoFrames()
    {
        using var receiver = new PullReceiver(acknowledge: false);
        var sink = new DistlogSink(new DistlogSinkOptions { Transport = transport, Endpoint = receiver.Endpoint, Application = "plain", Acknowledge = false });
        using (var logger = new LoggerConfiguration().WriteTo.Sink(sink).CreateLogger())
            logger.Information("once");

        Assert.That(Eventually(() => receiver.LineCount == 1), Is.True);
        Assert.That(receiver.BatchIds, Is.Zero, "no batch id frame");
        Assert.That(sink.Sent, Is.EqualTo(1));
    }

    [Test]
    public void WhenDisposalReturnsEveryEventOfEachShortLivedLoggerHasArrived()
    {
        // NetMQ without acknowledgements lost the tail at close in 5 of 63 runs: disposal returned while its I/O thread
        // still held the last batch. Acknowledged, disposal waits for the collector's word on every batch.
        const int loggers = 25, events = 200;
        using var receiver = new PullReceiver(keepMessages: false);
        for (var run = 1; run <= loggers; run++)
        {
            var sink = new DistlogSink(new DistlogSinkOptions
            {
                Transport = transport,
                Endpoint = receiver.Endpoint,
                ControlEndpoint = receiver.ControlEndpoint,
                Application = "brief",
                BatchSizeLimit = 50,
                WhenFull = DistlogWhenFull.Block,
            });
            using (var logger = new LoggerConfiguration().WriteTo.Sink(sink).CreateLogger())
            {
                for (var i = 0; i < events; i++)
                    logger.Information("Event {N} of run {Run}", i, run);
            }

            Assert.That(receiver.LineCount, Is.EqualTo(run * events), $"run {run}: received when disposal returned\n{string.Join("\n", SelfLines())}");
            Assert.That(sink.Sent, Is.EqualTo(events));
        }
    }

    [Test]
    public void SelfLogSaysWhichImplementationSendsAndWhy()
    {
        using var receiver = new PullReceiver();
        using (var logger = new LoggerConfiguration()
            .WriteTo.Distlog(receiver.Endpoint, controlEndpoint: receiver.ControlEndpoint, transport: transport).CreateLogger())
            logger.Information("hello");

        var expected = transport == DistlogTransport.NetMq ? "with NetMQ 4.0.4.5 (transport: NetMq)" : "with libzmq 4.";
        Assert.That(SelfLines(), Has.One.Contains($"sending to {receiver.Endpoint} {expected}"));
    }

    [Test]
    public void DisposalGivesUpSoonWhereTheCollectorWasNeverReachedAndSaysSo()
    {
        var sink = new DistlogSink(new DistlogSinkOptions
        {
            Transport = transport,
            Endpoint = $"tcp://127.0.0.1:{FreePort.Next()}",
            Application = "alone",
            FlushTimeout = TimeSpan.FromSeconds(20),
        });
        var logger = new LoggerConfiguration().WriteTo.Sink(sink).CreateLogger();
        logger.Information("nobody listens");

        var disposing = Stopwatch.StartNew();
        logger.Dispose();

        Assert.That(disposing.Elapsed, Is.LessThan(TimeSpan.FromSeconds(10)), "not the whole 20 s flush timeout");
        Assert.That(SelfLines(), Has.Some.Contains("1 events were not delivered").And.Contains("never reached"));
    }

    string[] SelfLines()
    {
        lock (_selfLog)
            return [.. _selfLog];
    }

    static bool Eventually(Func<bool> condition)
    {
        var waited = Stopwatch.StartNew();
        while (!condition())
        {
            if (waited.Elapsed > Patience)
                return false;
            Thread.Sleep(20);
        }
        return true;
    }
}
