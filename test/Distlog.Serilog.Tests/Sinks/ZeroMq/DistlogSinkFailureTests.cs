using System.Diagnostics;
using Distlog.Serilog.Tests.Support;
using Distlog.Sinks.ZeroMq;
using Serilog;
using Serilog.Debugging;
using Serilog.Events;
using Serilog.Parsing;

namespace Distlog.Serilog.Tests.Sinks.ZeroMq;

/// <summary>What the sink does when the collector is away, an event is too large, or the logger is gone.</summary>
[NonParallelizable]
[TestFixture(DistlogTransport.LibZmq)]
[TestFixture(DistlogTransport.NetMq)]
public sealed class DistlogSinkFailureTests(DistlogTransport transport)
{
    static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    readonly List<string> _selfLog = [];

    [SetUp]
    public void CaptureSelfLog() => SelfLog.Enable(m => { lock (_selfLog) _selfLog.Add(m); });

    [TearDown]
    public void ReleaseSelfLog() => SelfLog.Disable();

    string[] SelfLogLines()
    {
        lock (_selfLog)
            return [.. _selfLog];
    }

    [Test]
    public void DropsAreReportedWhileTheCollectorIsStillDown()
    {
        var sink = new DistlogSink(new DistlogSinkOptions
        {
            Transport = transport,
            Endpoint = $"tcp://127.0.0.1:{FreePort.Next()}",
            Application = "outage",
            QueueLimit = 100,
            DropReportInterval = TimeSpan.FromMilliseconds(100),
            FlushTimeout = TimeSpan.FromSeconds(1),
        });
        using var logger = new LoggerConfiguration().WriteTo.Sink(sink).CreateLogger();
        for (var i = 0; i < 1_000; i++)
            logger.Information("Event {Number}", i);

        // Nothing is sent while the collector is down, so the count is final once the loop is done.
        var total = $"({sink.Dropped} in all";
        var waited = Stopwatch.StartNew();
        while (!SelfLogLines().Any(l => l.Contains(total)) && waited.Elapsed < Patience)
            Thread.Sleep(20);

        Assert.That(SelfLogLines(), Has.Some.Contains(total), "reported before the logger is disposed");
        Assert.That(sink.Dropped, Is.GreaterThanOrEqualTo(1_000 - 100 - DistlogSinkOptions.DefaultBatchSizeLimit));
    }

    [Test]
    public void DisposingWithTheCollectorDownReturnsAfterTheFlushTimeoutAndReportsWhatWasLost()
    {
        var sink = new DistlogSink(new DistlogSinkOptions
        {
            Transport = transport,
            Endpoint = $"tcp://127.0.0.1:{FreePort.Next()}",
            Application = "down",
            FlushTimeout = TimeSpan.FromSeconds(1),
        });
        var logger = new LoggerConfiguration().WriteTo.Sink(sink).CreateLogger();
        for (var i = 0; i < 10; i++)
            logger.Information("Event {Number}", i);

        var disposing = Stopwatch.StartNew();
        logger.Dispose();
        disposing.Stop();

        Assert.That(disposing.Elapsed, Is.LessThan(TimeSpan.FromSeconds(1) + Patience / 4), "bounded by the flush timeout, not by the network");
        Assert.That(sink.Dropped, Is.EqualTo(10));
        Assert.That(SelfLogLines(), Has.Some.Contains("10 events were not delivered"));
    }

    [Test]
    public void AnEventAfterDisposalIsCountedAsDropped()
    {
        using var receiver = new PullReceiver();
        var sink = new DistlogSink(new DistlogSinkOptions { Transport = transport, Endpoint = receiver.Endpoint, ControlEndpoint = receiver.ControlEndpoint, Application = "late" });
        var logger = new LoggerConfiguration().WriteTo.Sink(sink).CreateLogger();
        logger.Information("before");
        sink.Dispose();

        sink.Emit(new LogEvent(DateTimeOffset.Now, LogEventLevel.Information, null, new MessageTemplateParser().Parse("after"), []));

        Assert.That(receiver.WaitForLines(1, Patience), Is.True);
        Assert.That(sink.Dropped, Is.EqualTo(1));
        Assert.That(sink.Sent, Is.EqualTo(1));
    }

    [TestCase(DistlogSinkOptions.DefaultFormatOnEmitDepth, TestName = "AnEventOverTheBodyLimitIsDroppedAndReportedAndTheOthersArrive")]
    [TestCase(0, TestName = "AnEventOverTheBodyLimitIsDroppedAndReportedAndTheOthersArrive(formatted on emit)")]
    public void AnEventOverTheBodyLimitIsDroppedAndReportedAndTheOthersArrive(int formatOnEmitDepth)
    {
        using var receiver = new PullReceiver();
        var sink = new DistlogSink(new DistlogSinkOptions
        {
            Transport = transport,
            Endpoint = receiver.Endpoint,
            ControlEndpoint = receiver.ControlEndpoint,
            Application = "big",
            EventBodyLimitBytes = 4_096,
            FormatOnEmitDepth = formatOnEmitDepth,
        });
        using (var logger = new LoggerConfiguration().WriteTo.Sink(sink).CreateLogger())
        {
            logger.Information("small {Number}", 1);
            logger.Information("huge {Payload}", new string('x', 5_000));
            logger.Information("small {Number}", 2);
        }

        Assert.That(receiver.WaitForLines(2, Patience), Is.True);
        Thread.Sleep(200); // nothing more may come
        Assert.That(receiver.Lines, Has.Count.EqualTo(2));
        Assert.That(receiver.Lines, Has.All.Contains("small"));
        Assert.That(sink.Dropped, Is.EqualTo(1));
        Assert.That(SelfLogLines(), Has.Some.Contains("over the event body limit of 4096 bytes").And.Contains("huge {Payload}"));
    }

    [Test]
    public void AnEventBodyLimitFromConfigurationApplies()
    {
        using var receiver = new PullReceiver();
        using (var logger = new LoggerConfiguration().WriteTo.Distlog(receiver.Endpoint, controlEndpoint: receiver.ControlEndpoint, application: "cfg", eventBodyLimitBytes: 1_000, transport: transport).CreateLogger())
        {
            logger.Information("huge {Payload}", new string('x', 2_000));
            logger.Information("small");
        }

        Assert.That(receiver.WaitForLines(1, Patience), Is.True);
        Thread.Sleep(200); // nothing more may come
        Assert.That(receiver.Lines.Single(), Does.Contain("small"));
    }

    [Test]
    public void AnUnusableEndpointIsReportedOnceAndLoggingGoesOn()
    {
        var messages = new List<string>();
        SelfLog.Enable(m => { lock (messages) messages.Add(m); });
        try
        {
            using (var logger = new LoggerConfiguration().WriteTo.Distlog("nonsense://nowhere", application: "x", transport: transport).CreateLogger())
            {
                for (var i = 0; i < 100; i++)
                    logger.Information("still fine");
            }
        }
        finally
        {
            SelfLog.Disable();
        }

        Assert.That(messages.Count(m => m.Contains("cannot connect to nonsense://nowhere")), Is.EqualTo(1));
    }
}
