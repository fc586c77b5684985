using Distlog.Collector.Configuration;
using Distlog.Collector.Ingest;
using Distlog.Collector.Plugins;
using Distlog.Collector.Tests.Support;
using Distlog.Transport;
using Serilog.Events;

namespace Distlog.Collector.Tests.Ingest;

public sealed class IngestLoopTests
{
    [Test]
    public void BadMessagesOnAConnectionAreDroppedOneByOneAndTheMessagesBehindThemArrive()
    {
        var log = new CollectingSink();
        var sink = new CollectingBatchSink();
        var counters = new IngestCounters();
        using var plugin = new PluginHost("test", () => sink, new PluginFilter(FilterSettings.None), 1000, 100, log.Logger());
        plugin.Start();
        using var ingest = new IngestLoop(new IngestSettings(["tcp://127.0.0.1:*"], MaxMessageBytes: 1000), [plugin], new RejectionReporter(counters, log.Logger()));
        ingest.Start();

        using (var pusher = new Pusher(ingest.BoundEndpoints.Single()))
        {
            pusher.SendBatch([Some.ClefLine(1)]);
            pusher.Send("PLC", new string(' ', 1001));
            pusher.SendBatch([Some.ClefLine(2)], system: 'T');
            pusher.SendFrames("PLC"u8.ToArray(), System.Text.Encoding.UTF8.GetBytes(Some.ClefLine(98)), "more"u8.ToArray());
            pusher.SendFrames(System.Text.Encoding.UTF8.GetBytes(Some.ClefLine(99)));
            pusher.SendBatch([Some.ClefLine(3)]);
        }

        Assert.That(Eventually.Holds(() => sink.Events.Length == 3), Is.True, string.Join("\n", log.Messages));
        Assert.That(sink.Events.Select(e => (e.Event.Properties["N"].ToString(), e.System)), Is.EqualTo(new[] { ("1", 'P'), ("2", 'T'), ("3", 'P') }));
        Assert.That(counters.Messages, Is.EqualTo(6));
        Assert.That(counters.Accepted, Is.EqualTo(3));
        Assert.That(counters.Rejected(RejectReason.TooLarge), Is.EqualTo(1));
        Assert.That(counters.Rejected(RejectReason.WrongFrameCount), Is.EqualTo(2));
        Assert.That(log.Messages, Has.Some.EqualTo("Rejected a message (TooLarge): a message of 1001 bytes; ingest.maxMessageBytes is 1000"));
    }

    [Test]
    public void WhileIngestIsBehindLibzmqHoldsAboutTheReceiveHighWatermarkOfMessagesPerConnection()
    {
        // Past the high-water mark a sender's messages wait on its side (the sink's own bounded queue), not in the
        // collector's memory. The kernel's socket buffers hold a few more, so the bound is compared, not exact.
        var heldWithTwo = MessagesSentWhileIngestIsStalled(receiveHighWatermark: 2);
        var heldWithHundred = MessagesSentWhileIngestIsStalled(receiveHighWatermark: 100);
        TestContext.Out.WriteLine($"messages sent while ingest was stalled: {heldWithTwo} (receiveHighWatermark 2), {heldWithHundred} (100)");

        Assert.That(heldWithHundred, Is.GreaterThanOrEqualTo(100));
        Assert.That(heldWithTwo, Is.LessThan(heldWithHundred - 50), $"held with 2: {heldWithTwo}, with 100: {heldWithHundred}");
    }

    [Test]
    public void ChunksOfReceivedLinesAreReusedOnlyOnceEveryPluginIsDoneWithThem()
    {
        const int Messages = 300, PerMessage = 100;
        var log = new CollectingSink();
        var fast = new CollectingBatchSink();
        var held = new CollectingBatchSink();
        held.Hold();
        using var fastPlugin = StartPlugin("fast", fast, log);
        using var heldPlugin = StartPlugin("held", held, log);
        using var ingest = StartIngest(new IngestSettings(["tcp://127.0.0.1:*"], MaxMessageBytes: 1_000_000), log, fastPlugin, heldPlugin);
        using var pusher = new Pusher(ingest.BoundEndpoints.Single());
        void SendRound(int round, int messagesBetweenWaits)
        {
            for (var m = 0; m < Messages; m++)
            {
                pusher.SendBatch(Enumerable.Range((round * Messages + m) * PerMessage, PerMessage).Select(n => Some.ClefLine(n)));
                var sent = (round * Messages + m + 1) * PerMessage;
                if ((m + 1) % messagesBetweenWaits == 0)
                    Assert.That(Eventually.Holds(() => fast.Events.Length == sent && held.Events.Length == sent), Is.True);
            }
        }

        // While one plugin holds its lines, ingest may not write over them, however far the other plugin gets.
        SendRound(0, messagesBetweenWaits: int.MaxValue);
        Assert.That(Eventually.Holds(() => fast.Events.Length == Messages * PerMessage), Is.True);
        var allocatedWhileHeld = ingest.LineChunksAllocated;
        held.Release();
        Assert.That(Eventually.Holds(() => held.Events.Length == Messages * PerMessage), Is.True);

        // Once both are done, the chunks go round again (paced, so that a slow test machine cannot make the plugins
        // fall more than the kept chunks behind).
        SendRound(1, messagesBetweenWaits: 20);
        Assert.That(Eventually.Holds(() => fast.Events.Length == 2 * Messages * PerMessage && held.Events.Length == 2 * Messages * PerMessage), Is.True);
        var allocatedAfter = ingest.LineChunksAllocated - allocatedWhileHeld;

        var expected = Numbers(2 * Messages * PerMessage);
        Assert.That(held.Events.Select(e => e.Event.Properties["N"].ToString()), Is.EqualTo(expected), "the held plugin's lines");
        Assert.That(fast.Events.Select(e => e.Event.Properties["N"].ToString()), Is.EqualTo(expected), "the fast plugin's lines");
        Assert.That(allocatedWhileHeld, Is.GreaterThan(32), "chunks while one plugin held every line");
        Assert.That(allocatedAfter, Is.LessThan(allocatedWhileHeld / 2), "chunks once both plugins were done with theirs");
    }

    [Test]
    public void AReusedChunkNeverHoldsLinesOfTheMessageBeingDecoded()
    {
        // Messages of several chunks each, to plugins that keep up: the chunk that has just filled holds lines of the
        // message still being decoded, which no plugin has been given yet, so no plugin can have finished with them.
        const int Messages = 20, PerMessage = 2_000;
        var log = new CollectingSink();
        var sink = new CollectingBatchSink();
        using var plugin = StartPlugin("fast", sink, log);
        using var ingest = StartIngest(new IngestSettings(["tcp://127.0.0.1:*"], MaxMessageBytes: 4_000_000), log, plugin);
        using (var pusher = new Pusher(ingest.BoundEndpoints.Single()))
        {
            for (var m = 0; m < Messages; m++)
            {
                pusher.SendBatch(Enumerable.Range(m * PerMessage, PerMessage).Select(n => Some.ClefLine(n)));
                // Let the plugin catch up, so that chunks are reusable while the next message is decoded.
                Assert.That(Eventually.Holds(() => sink.Events.Length == (m + 1) * PerMessage), Is.True, $"message {m}");
            }
        }

        Assert.That(sink.Events.Select(e => e.Event.Properties["N"].ToString()), Is.EqualTo(Numbers(Messages * PerMessage)));
        Assert.That(ingest.LineChunksAllocated, Is.LessThan(Messages), "chunks are reused");
    }

    [Test]
    public void APluginWithAFilterHoldsCopiesOfItsLinesAndDoesNotKeepChunksFromReuse()
    {
        const int Messages = 300, PerMessage = 100;
        var log = new CollectingSink();
        var fast = new CollectingBatchSink();
        var warnings = new CollectingBatchSink();
        warnings.Hold();
        using var fastPlugin = StartPlugin("fast", fast, log);
        using var warningsPlugin = StartPlugin("warnings", warnings, log, filter: FilterSettings.None with { MinimumLevel = LogEventLevel.Warning });
        using var ingest = StartIngest(new IngestSettings(["tcp://127.0.0.1:*"], MaxMessageBytes: 1_000_000), log, fastPlugin, warningsPlugin);
        using var pusher = new Pusher(ingest.BoundEndpoints.Single());

        // The held plugin keeps the one warning it passed, in an array of its own, for the whole test.
        pusher.SendBatch([Some.ClefLine(-1, level: "Warning")]);
        Assert.That(Eventually.Holds(() => warnings.Attempts == 1), Is.True);
        for (var m = 0; m < Messages; m++)
        {
            pusher.SendBatch(Enumerable.Range(m * PerMessage, PerMessage).Select(n => Some.ClefLine(n)));
            var sent = 1 + (m + 1) * PerMessage;
            if ((m + 1) % 20 == 0)
                Assert.That(Eventually.Holds(() => fast.Events.Length == sent), Is.True);
        }
        Assert.That(Eventually.Holds(() => fast.Events.Length == 1 + Messages * PerMessage), Is.True);

        Assert.That(ingest.LineChunksAllocated, Is.LessThan(10), "chunks, while a filtered plugin held a copied line");
        warnings.Release();
        Assert.That(Eventually.Holds(() => warnings.Events.Length == 1), Is.True);
        Assert.That(warnings.Events.Single().Event.Properties["N"].ToString(), Is.EqualTo("-1"));
    }

    static int MessagesSentWhileIngestIsStalled(int receiveHighWatermark)
    {
        var log = new CollectingSink();
        var sink = new CollectingBatchSink();
        sink.Hold();
        using var plugin = StartPlugin("held", sink, log, capacity: 1, batchSize: 1, PluginWhenFull.Block);
        using var ingest = StartIngest(new IngestSettings(["tcp://127.0.0.1:*"], MaxMessageBytes: 1000, receiveHighWatermark), log, plugin);

        using var sender = ZmqContext.Shared.CreateSocket(ZmqSocketType.Push);
        sender.SendHighWatermark = 1;
        sender.SendTimeout = TimeSpan.FromMilliseconds(500);
        sender.Linger = TimeSpan.Zero;
        sender.Connect(ingest.BoundEndpoints.Single());
        try
        {
            // Three events for a plugin queue of one: the held sink takes the first, the queue the second, and ingest
            // waits with the third, reading nothing more.
            sender.Send("PLC"u8, more: true);
            sender.Send(System.Text.Encoding.UTF8.GetBytes(string.Join("\n", Some.ClefLine(1), Some.ClefLine(2), Some.ClefLine(3))));
            Assert.That(Eventually.Holds(() => sink.Attempts == 1), Is.True);

            var payload = new byte[1024 * 1024];
            var sent = 0;
            while (sent < 1000 && sender.TrySend("PLC"u8, more: true))
            {
                sender.Send(payload);
                sent++;
            }
            return sent;
        }
        finally
        {
            sink.Release();
        }
    }

    static PluginHost StartPlugin(string name, CollectingBatchSink sink, CollectingSink log, int capacity = 1_000_000,
        int batchSize = 100, PluginWhenFull whenFull = PluginWhenFull.Drop, FilterSettings? filter = null)
    {
        var plugin = new PluginHost(name, () => sink, new PluginFilter(filter ?? FilterSettings.None), capacity, batchSize, log.Logger(), whenFull);
        plugin.Start();
        return plugin;
    }

    static IngestLoop StartIngest(IngestSettings settings, CollectingSink log, params PluginHost[] plugins)
    {
        var ingest = new IngestLoop(settings, plugins, new RejectionReporter(new IngestCounters(), log.Logger()));
        ingest.Start();
        return ingest;
    }

    /// <summary>The values of <c>N</c> in the lines sent, as the events read from them render them.</summary>
    static IEnumerable<string> Numbers(int count) =>
        Enumerable.Range(0, count).Select(n => n.ToString(System.Globalization.CultureInfo.InvariantCulture));
}
