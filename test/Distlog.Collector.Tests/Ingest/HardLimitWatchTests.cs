using Distlog.Collector.Configuration;
using Distlog.Collector.Ingest;
using Distlog.Collector.Plugins;
using Distlog.Collector.Tests.Support;
using Distlog.Transport;

namespace Distlog.Collector.Tests.Ingest;

/// <summary>
/// Messages over the ingest socket's hard limit (<c>ZMQ_MAXMSGSIZE</c>, at least 64 MiB), which libzmq refuses by
/// closing the connection and telling nobody why: counted as <see cref="RejectReason.TooLarge"/> all the same (Linux).
/// </summary>
[Platform("Linux")]
public sealed class HardLimitWatchTests
{
    const long HardLimit = IngestLoop.MinimumHardLimit;
    const string Refusal = "over the hard limit of 67108864 bytes (ZMQ_MAXMSGSIZE); libzmq closed the connection";

    [Test]
    public void AMessageOverTheHardLimitIsCountedAsTooLargeWithItsPeerAndTheOtherClientsEventsArrive()
    {
        using var rig = new Rig();
        var (log, sink, counters, ingest, endpoint) = (rig.Log, rig.Sink, rig.Counters, rig.Ingest, rig.Endpoint);
        using var before = new Pusher(endpoint);
        before.SendBatch([Some.ClefLine(1)]);
        Assert.That(Eventually.Holds(() => sink.Events.Length == 1), Is.True);

        // A libzmq sender that stays connected: it believes the message sent.
        using (var large = ZmqContext.Shared.CreateSocket(ZmqSocketType.Push))
        {
            large.Linger = TimeSpan.Zero;
            large.Connect(endpoint);
            large.Send("PLC"u8, more: true);
            large.Send(new byte[HardLimit + 1024 * 1024]);
            Assert.That(Eventually.Holds(() => counters.Rejected(RejectReason.TooLarge) == 1), Is.True, string.Join("\n", log.Messages));
        }
        before.SendBatch([Some.ClefLine(2)]);
        using (var after = new Pusher(endpoint))
            after.SendBatch([Some.ClefLine(3)]);

        Assert.That(Eventually.Holds(() => sink.Events.Length == 3), Is.True, string.Join("\n", log.Messages));
        Assert.That(sink.Events.Select(e => e.Event.Properties["N"].ToString()), Is.EqualTo(new[] { "1", "2", "3" }));
        Assert.That(counters.Rejected(RejectReason.TooLarge), Is.EqualTo(1));
        Assert.That(counters.Messages, Is.EqualTo(4));
        Assert.That(log.Messages, Has.Some.Match(@"^Rejected a message \(TooLarge\): a message from 127\.0\.0\.1:\d+ " + System.Text.RegularExpressions.Regex.Escape(Refusal) + "$"));
    }

    [Test]
    public void OnlyConnectionsLibzmqDroppedForSizeAreCountedNotOnesThatClosedOrWereResetOrSpokeHttp()
    {
        using var rig = new Rig();
        var (log, sink, counters, ingest, endpoint) = (rig.Log, rig.Sink, rig.Counters, rig.Ingest, rig.Endpoint);

        using (var graceful = new Pusher(endpoint))
        {
            for (var n = 0; n < 100; n++)
                graceful.SendBatch([Some.ClefLine(n)]);
        }
        Assert.That(Eventually.Holds(() => sink.Events.Length == 100), Is.True);
        var reset = new ZmtpPeer(endpoint);
        reset.Send("PLC", Some.ClefLine(100));
        Assert.That(Eventually.Holds(() => sink.Events.Length == 101), Is.True);
        reset.Reset();
        // No ZeroMQ peer at all; libzmq ends it at its first bytes, and says no more than for a peer that left.
        using var http = new System.Net.Sockets.TcpClient();
        http.Connect(System.Net.IPEndPoint.Parse(endpoint["tcp://".Length..]));
        // Announces more than the hard limit, sends some of it, and stays: libzmq has stopped in the middle. Its
        // handshake ends after the HTTP client's connection has been seen.
        using var large = new ZmtpPeer(endpoint);
        http.GetStream().Write("GET /metrics HTTP/1.1\r\nHost: distlogd\r\n\r\n"u8);
        large.SendAnnounced(HardLimit + 1, sent: 100_000);

        Assert.That(Eventually.Holds(() => ingest.ConnectionsLookedAt >= 4 && counters.Rejected(RejectReason.TooLarge) >= 1), Is.True, string.Join("\n", log.Messages));
        Assert.That(counters.Rejected(RejectReason.TooLarge), Is.EqualTo(1), string.Join("\n", log.Messages));
        Assert.That(log.Messages, Has.Some.EqualTo($"Rejected a message (TooLarge): a message from {large.LocalEndPoint} {Refusal}"));

        // Only the size, then nothing: libzmq has read all there was, and closed a connection its peer had not.
        using var sizeOnly = new ZmtpPeer(endpoint);
        sizeOnly.SendAnnounced(HardLimit + 1, sent: 0);
        Assert.That(Eventually.Holds(() => counters.Rejected(RejectReason.TooLarge) == 2), Is.True, string.Join("\n", log.Messages));
    }

    [Test]
    public void EachMessageOverTheHardLimitIsCountedOnceWhileConnectionsComeAndGoAndReuseDescriptors()
    {
        const int Connections = 60, EveryLarge = 10;
        using var rig = new Rig();
        var (log, sink, counters, ingest, endpoint) = (rig.Log, rig.Sink, rig.Counters, rig.Ingest, rig.Endpoint);

        // Each closes at once: libzmq closes its descriptor and accepts the next connection on the same number.
        for (var i = 0; i < Connections; i++)
        {
            using var peer = new ZmtpPeer(endpoint);
            if (i % EveryLarge == 0)
                peer.SendAnnounced(HardLimit + 1, sent: 100_000);
            else
                peer.Send("PLC", Some.ClefLine(i));
        }

        Assert.That(Eventually.Holds(() => ingest.ConnectionsLookedAt == Connections && sink.Events.Length == Connections - Connections / EveryLarge), Is.True,
            $"looked at {ingest.ConnectionsLookedAt}, events {sink.Events.Length}\n" + string.Join("\n", log.Messages));
        Assert.That(counters.Rejected(RejectReason.TooLarge), Is.EqualTo(Connections / EveryLarge));
    }

    [Test]
    public void WithCurveAnAuthorisedClientsMessageOverTheHardLimitIsCountedAndARefusedHandshakeIsNot()
    {
        using var folder = new TempFolder();
        var keys = new CurveKeys(folder);
        var orders = keys.Client("orders");
        var stranger = keys.Client("stranger", admitted: false);
        var ingest = FreePort.Endpoint();
        using var collector = CollectorProcess.StartReady(folder,
            Some.Yaml(ingest, "sink: file\nargs: { path: logs/events.clef, rollingInterval: Infinite }") + CurveKeys.Yaml, "--stats-interval", "250ms");

        using (var refused = new Pusher(ingest, stranger))
            refused.SendBatch([Some.ClefLine(1)]);
        Assert.That(collector.WaitForStderr("is not in authorizedClients", TimeSpan.FromSeconds(20)), Is.True, collector.Stderr);
        using (var large = new Pusher(ingest, orders))
        {
            large.Send("PLC", new byte[HardLimit + 1024 * 1024]);
            Assert.That(collector.WaitForStderr(Refusal, TimeSpan.FromSeconds(20)), Is.True, collector.Stderr);
        }
        // Still connected when distlogd stops: libzmq ends the connection, but for no message.
        using var connected = new Pusher(ingest, orders);
        connected.SendBatch([Some.ClefLine(2)]);

        Assert.That(Eventually.Holds(() => Stored.Numbers(Stored.ClefLines(folder.Combine("logs"))).Count == 1, TimeSpan.FromSeconds(20)), Is.True, collector.Stderr);
        Assert.That(collector.Terminate(), Is.Zero);
        Assert.That(collector.Stderr, Does.Match(@"Shutdown: received 2 messages, accepted 1 events, rejected 1 \(TooLarge 1\), refused \d+ handshakes"));
    }

    /// <summary>An ingest loop on a free loopback port with one collecting plugin, its counters and its log.</summary>
    sealed class Rig : IDisposable
    {
        readonly PluginHost _plugin;

        public Rig()
        {
            _plugin = new PluginHost("test", () => Sink, new PluginFilter(FilterSettings.None), 1000, 100, Log.Logger());
            _plugin.Start();
            Ingest = new IngestLoop(new IngestSettings(["tcp://127.0.0.1:*"], MaxMessageBytes: 1000), [_plugin], new RejectionReporter(Counters, Log.Logger()));
            Ingest.Start();
        }

        public CollectingSink Log { get; } = new();
        public CollectingBatchSink Sink { get; } = new();
        public IngestCounters Counters { get; } = new();
        public IngestLoop Ingest { get; }
        public string Endpoint => Ingest.BoundEndpoints.Single();

        public void Dispose()
        {
            Ingest.Dispose();
            _plugin.Dispose();
        }
    }
}
