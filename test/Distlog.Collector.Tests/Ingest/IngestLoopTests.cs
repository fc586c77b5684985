using Distlog.Collector.Configuration;
using Distlog.Collector.Ingest;
using Distlog.Collector.Plugins;
using Distlog.Collector.Tests.Support;

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
}
