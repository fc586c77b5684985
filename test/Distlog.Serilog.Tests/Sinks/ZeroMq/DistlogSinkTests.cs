using System.Runtime.CompilerServices;
using Distlog.Clef;
using Distlog.Serilog.Tests.Support;
using Distlog.Sinks.ZeroMq;
using Serilog;
using Serilog.Debugging;
using Serilog.Events;

namespace Distlog.Serilog.Tests.Sinks.ZeroMq;

[TestFixture(DistlogTransport.LibZmq)]
[TestFixture(DistlogTransport.NetMq)]
public sealed class DistlogSinkTests(DistlogTransport transport)
{
    static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    [Test]
    public void APullSocketReceivesTheTaskTreeAsCLEFUnderTheTopic()
    {
        using var receiver = new PullReceiver();
        var logger = new LoggerConfiguration()
            .Enrich.FromLogContext()
            .WriteTo.Distlog(receiver.Endpoint, controlEndpoint: receiver.ControlEndpoint, application: "orders", system: "T", transport: transport)
            .CreateLogger();

        using (var job = DistlogTask.Start(logger, "Import {File}", "a.csv"))
        {
            job.Bind("User", "leo");
            logger.Information("into task");
            using (DistlogTask.To("Parse {Line}", 42))
                logger.Information("into subtask");
            Assert.Throws<InvalidDataException>(() => DistlogTask.Run("Validate", _ => throw new InvalidDataException("bad row")));
        }
        logger.Dispose();

        Assert.That(receiver.WaitForLines(8, Patience), Is.True);
        Assert.That(receiver.Messages.Select(m => m.Topic), Is.All.EqualTo("TLC"));
        var events = receiver.Lines.Select(ClefReader.Read).ToList();
        var root = events[0].Key().Root;
        Assert.That(events.Select(e => e.Key().ToString()), Is.EqualTo(new[]
        {
            $"0@{root}", $"1@{root}", $"0@{root}/1", $"1@{root}/1", $"2@{root}/1", $"0@{root}/2", $"1@{root}/2", $"2@{root}",
        }));
        var failed = events.Single(e => e.Key().Path == "/2" && e.Key().Sequence == 1);
        Assert.That(failed.Level, Is.EqualTo(LogEventLevel.Error));
        Assert.That(failed.Scalar("TaskStatus"), Is.EqualTo("Failed"));
        Assert.That(failed.Exception?.ToString(), Does.Contain("bad row"));
        Assert.That(events.Select(e => e.Scalar("Application")), Is.All.EqualTo("orders"));
        Assert.That(events.Select(e => e.Scalar("Host")), Is.All.EqualTo(Environment.MachineName));
        Assert.That(events.Select(e => Convert.ToInt32(e.Scalar("ProcessId"))), Is.All.EqualTo(Environment.ProcessId));
        Assert.That(events.Skip(1).Select(e => e.Scalar("User")), Is.All.EqualTo("leo"), "bound after the started event, on every later one");
    }

    [Test]
    public void TheMinimumLevelIsTheSecondArgumentAsInFileConsoleAndSeq()
    {
        using var receiver = new PullReceiver();
        using (var logger = new LoggerConfiguration().WriteTo.Distlog(receiver.Endpoint, LogEventLevel.Warning, transport: transport).CreateLogger())
        {
            logger.Information("below the sink's level");
            logger.Warning("at the sink's level");
        }

        Assert.That(receiver.WaitForLines(1, Patience), Is.True);
        Assert.That(receiver.Lines.Select(l => ClefReader.Read(l).Message()), Is.EqualTo(new[] { "at the sink's level" }));
    }

    [Test]
    public void PropertiesTheEventHasAlreadyAreKept()
    {
        using var receiver = new PullReceiver();
        using (var logger = new LoggerConfiguration().WriteTo.Distlog(receiver.Endpoint, controlEndpoint: receiver.ControlEndpoint, application: "sink-default", transport: transport).CreateLogger())
            logger.ForContext("Application", "own").Information("hello");

        Assert.That(receiver.WaitForLines(1, Patience), Is.True);
        Assert.That(ClefReader.Read(receiver.Lines.Single()).Scalar("Application"), Is.EqualTo("own"));
    }

    [Test]
    public void BlockModeLosesNothingOfAMillionEvents()
    {
        const int count = 1_000_000;
        using var receiver = new PullReceiver(keepMessages: false);
        using (var logger = new LoggerConfiguration()
            .WriteTo.Distlog(receiver.Endpoint, controlEndpoint: receiver.ControlEndpoint, application: "bulk", whenFull: DistlogWhenFull.Block, queueLimit: 10_000, flushTimeout: TimeSpan.FromSeconds(60), transport: transport)
            .CreateLogger())
        {
            for (var i = 0; i < count; i++)
                logger.Information("Event {Number} of {Count}", i, count);
        }

        Assert.That(receiver.WaitForLines(count, Patience), Is.True, $"received {receiver.LineCount} of {count}");
        Assert.That(receiver.LineCount, Is.EqualTo(count));
    }

    [Test]
    public void DropModeCountsExactlyWhatItDropsWhileTheCollectorIsDown()
    {
        const int count = 5_000;
        var endpoint = $"tcp://127.0.0.1:{FreePort.Next()}";
        var control = $"tcp://127.0.0.1:{FreePort.Next()}";
        var sink = new Distlog.Sinks.ZeroMq.DistlogSink(new Distlog.Sinks.ZeroMq.DistlogSinkOptions
        {
            Endpoint = endpoint,
            ControlEndpoint = control,
            Application = "drops",
            QueueLimit = 1_000,
            FlushTimeout = TimeSpan.FromSeconds(20),
        });
        var logger = new LoggerConfiguration().WriteTo.Sink(sink).CreateLogger();
        for (var i = 0; i < count; i++)
            logger.Information("Event {Number}", i);

        Assert.That(sink.Dropped, Is.GreaterThanOrEqualTo(count - 1_000 - Distlog.Sinks.ZeroMq.DistlogSinkOptions.DefaultBatchSizeLimit));

        using var receiver = new PullReceiver(endpoint, controlBindEndpoint: control);
        logger.Dispose();

        Assert.That(receiver.WaitForLines(count - (int)sink.Dropped, Patience), Is.True);
        Thread.Sleep(200); // nothing more may come
        Assert.That(receiver.LineCount, Is.GreaterThanOrEqualTo(1_000), "what was queued is delivered once the collector is up");
        Assert.That(receiver.LineCount + sink.Dropped, Is.EqualTo(count));
    }

    [Test]
    public void PastTheFormatDepthTheQueueHoldsCLEFLinesNotTheEvents()
    {
        var endpoint = $"tcp://127.0.0.1:{FreePort.Next()}";
        var control = $"tcp://127.0.0.1:{FreePort.Next()}";
        // One event per batch: the worker, with no collector to send to, holds one and leaves the rest queued.
        using var sink = new DistlogSink(new DistlogSinkOptions
        {
            Transport = transport,
            Endpoint = endpoint,
            ControlEndpoint = control,
            Application = "deep",
            BatchSizeLimit = 1,
            FormatOnEmitDepth = 0,
            FlushTimeout = TimeSpan.FromSeconds(20),
        });
        var emitted = Enumerable.Range(0, 10).Select(i => EmitAndForget(sink, i)).ToList();

        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();

        Assert.That(emitted.Count(e => e.IsAlive), Is.Zero, "no queued LogEvent is kept alive");
        using var receiver = new PullReceiver(endpoint, controlBindEndpoint: control);
        Assert.That(receiver.WaitForLines(10, Patience), Is.True, $"received {receiver.LineCount} of 10");
        var events = receiver.Lines.Select(ClefReader.Read).ToList();
        Assert.That(events.Select(e => e.Scalar("Number")), Is.EqualTo(Enumerable.Range(0, 10)));
        Assert.That(events.Select(e => e.Scalar("Application")), Is.All.EqualTo("deep"));
    }

    [Test]
    public void ALineFormattedOnEmitIsTheLineTheWorkerWrites()
    {
        using var receiver = new PullReceiver();
        var logEvent = Some.Event(LogEventLevel.Warning, Some.ThrownException(), "Order {@Order} for {Customer} at {Price:0.00} in {Tags}",
            new { Id = 7, Lines = new[] { 1, 2 } }, "ACME \"Ltd\"", 12.5m, new Dictionary<string, int> { ["a"] = 1 });
        foreach (var depth in new[] { DistlogSinkOptions.DefaultFormatOnEmitDepth, 0 })
        {
            using var sink = new DistlogSink(new DistlogSinkOptions { Transport = transport, Endpoint = receiver.Endpoint, ControlEndpoint = receiver.ControlEndpoint, Application = "same", FormatOnEmitDepth = depth });
            sink.Emit(logEvent);
        }

        Assert.That(receiver.WaitForLines(2, Patience), Is.True);
        Assert.That(receiver.Lines[1], Is.EqualTo(receiver.Lines[0]));
        Assert.That(receiver.Lines[0], Does.Contain("ACME \\\"Ltd\\\"").And.Contain("\"Application\":\"same\""));
    }

    [Test]
    public void EventsFromManyThreadsArriveOnceAndInOrderThroughADeepQueue()
    {
        const int threads = 4;
        const int perThread = 50_000;
        using var receiver = new PullReceiver();
        var sink = new DistlogSink(new DistlogSinkOptions
        {
            Transport = transport,
            Endpoint = receiver.Endpoint,
            ControlEndpoint = receiver.ControlEndpoint,
            Application = "many",
            WhenFull = DistlogWhenFull.Block,
            QueueLimit = 20_000,
            FormatOnEmitDepth = 100,
            FlushTimeout = TimeSpan.FromSeconds(60),
        });
        using (var logger = new LoggerConfiguration().WriteTo.Sink(sink).CreateLogger())
        {
            var producers = Enumerable.Range(0, threads).Select(t => new Thread(() =>
            {
                for (var i = 0; i < perThread; i++)
                    logger.Information("Row {Thread} {Number}", t, i);
            })).ToList();
            producers.ForEach(p => p.Start());
            producers.ForEach(p => p.Join());
        }

        Assert.That(receiver.WaitForLines(threads * perThread, Patience), Is.True, $"received {receiver.LineCount}");
        var next = new int[threads];
        var outOfOrder = 0;
        foreach (var line in receiver.Lines)
        {
            var clef = ClefReader.Read(line);
            var (thread, number) = (Convert.ToInt32(clef.Scalar("Thread")), Convert.ToInt32(clef.Scalar("Number")));
            if (number != next[thread])
                outOfOrder++;
            next[thread] = number + 1;
        }
        Assert.That(outOfOrder, Is.Zero);
        Assert.That(next, Is.All.EqualTo(perThread));
        Assert.That(receiver.LineCount, Is.EqualTo(threads * perThread));
        Assert.That(sink.Dropped, Is.Zero);
    }

    [Test]
    public void AHugeEventFormattedOnEmitLeavesItsThreadNoHugeBuffer()
    {
        using var receiver = new PullReceiver();
        using var sink = new DistlogSink(new DistlogSinkOptions { Transport = transport, Endpoint = receiver.Endpoint, ControlEndpoint = receiver.ControlEndpoint, Application = "huge", FormatOnEmitDepth = 0 });
        sink.Emit(Some.Event("small"));
        Assert.That(DistlogSink.LineBufferKeptByThisThread, Is.InRange(1, 64 * 1024), "the thread keeps a small buffer");

        sink.Emit(Some.Event("huge {Payload}", new string('x', 300_000)));

        Assert.That(receiver.WaitForLines(2, Patience), Is.True, "the huge event is sent all the same");
        Assert.That(DistlogSink.LineBufferKeptByThisThread, Is.LessThanOrEqualTo(64 * 1024));
    }

    [Test]
    public void InDropModeAFullQueueDropsWithoutFormattingTheEvent()
    {
        // The collector is away: the worker holds one event in its batch, ten wait in the queue, the rest is dropped.
        using var sink = new DistlogSink(new DistlogSinkOptions
        {
            Transport = transport,
            Endpoint = $"tcp://127.0.0.1:{FreePort.Next()}",
            Application = "full",
            QueueLimit = 10,
            BatchSizeLimit = 1,
            FormatOnEmitDepth = 0,
            FlushTimeout = TimeSpan.Zero,
        });
        var formatted = new CountingScalar();
        var logEvent = Some.EventWith(new LogEventProperty("Value", new ScalarValue(formatted)));
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (sink.Dropped == 0 && waited.Elapsed < Patience)
            sink.Emit(logEvent);
        var formattedWhenFull = formatted.Count;

        for (var i = 0; i < 100; i++)
            sink.Emit(logEvent);

        // One more may have found room: the worker may take its event only after the queue first filled.
        Assert.That(sink.Dropped, Is.InRange(100, 101));
        Assert.That(formatted.Count - formattedWhenFull, Is.InRange(0, 1), "the dropped events were not formatted");
    }

    /// <summary>A scalar whose formatting is counted.</summary>
    sealed class CountingScalar
    {
        int _count;

        public int Count => Volatile.Read(ref _count);

        public override string ToString()
        {
            Interlocked.Increment(ref _count);
            return "counted";
        }
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    static WeakReference EmitAndForget(DistlogSink sink, int number)
    {
        var logEvent = Some.Event("Queued {Number}", number);
        sink.Emit(logEvent);
        return new WeakReference(logEvent);
    }
}
