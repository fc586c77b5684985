using System.Text;
using System.Text.Json.Nodes;
using Distlog.Collector.Plugins;
using Distlog.Collector.Plugins.Publish;
using Distlog.Collector.Tests.Support;
using Distlog.Transport;
using Serilog.Events;
using Serilog.Parsing;

namespace Distlog.Collector.Tests.Plugins;

public sealed class PublishSinkTests
{
    [Test]
    public void EachEventGoesOutAsTopicWithSystemLevelAndApplicationThenOneClefEvent()
    {
        using var sink = new PublishSink("tcp://127.0.0.1:*");
        using var subscriber = ZmqContext.Shared.CreateSocket(ZmqSocketType.Sub);
        subscriber.Subscribe("SLC/Error/");
        subscriber.Connect(sink.Endpoint);
        var batch = new EventBatch(2);
        batch.Add(Event(LogEventLevel.Error, "orders"), 'S');
        batch.Add(Event(LogEventLevel.Information, "orders"), 'S');

        byte[][]? frames = null;
        Assert.That(Eventually.Holds(() =>
        {
            sink.EmitBatch(batch); // PUB drops until the subscription arrives (slow joiner): repeat until one is seen
            return (frames = subscriber.ReceiveMultipart(TimeSpan.FromMilliseconds(100))) is not null;
        }), Is.True);

        Assert.That(frames!, Has.Length.EqualTo(2));
        Assert.That(Encoding.UTF8.GetString(frames![0]), Is.EqualTo("SLC/Error/orders"));
        var clef = JsonNode.Parse(frames[1])!.AsObject();
        Assert.That((string?)clef["@l"], Is.EqualTo("Error"));
        Assert.That((string?)clef["Application"], Is.EqualTo("orders"));
    }

    [Test]
    public void ASubscriberThatDoesNotReadMakesThePluginCountWhatItCouldNotPublish()
    {
        using var sink = new PublishSink("tcp://127.0.0.1:*");
        using var subscriber = ZmqContext.Shared.CreateSocket(ZmqSocketType.Sub);
        subscriber.ReceiveHighWatermark = 10;
        subscriber.Subscribe("");
        subscriber.Connect(sink.Endpoint);
        var batch = new EventBatch(1000);
        for (var i = 0; i < 1000; i++)
            batch.Add(Event(LogEventLevel.Information, "orders"), 'P');
        Assert.That(Eventually.Holds(() =>
        {
            sink.EmitBatch(batch); // the subscription reaches the sink after a moment (slow joiner)
            return sink.HasSubscribers;
        }), Is.True);

        const int batches = 400;
        for (var i = 0; i < batches; i++)
            sink.EmitBatch(batch);

        // The subscriber never reads: what passes its pipe's high-water mark is counted, not lost unseen.
        Assert.That(sink.Discarded, Is.GreaterThan(0));
        Assert.That(sink.Discarded, Is.LessThan(batches * 1000L));
        Assert.That(sink.DiscardCause, Does.Contain("behind"));
    }

    [Test]
    public void AnEventWithoutApplicationHasAnEmptyLastTopicSegment()
    {
        using var sink = new PublishSink("tcp://127.0.0.1:*");
        using var subscriber = ZmqContext.Shared.CreateSocket(ZmqSocketType.Sub);
        subscriber.Subscribe("");
        subscriber.Connect(sink.Endpoint);
        var batch = new EventBatch(1);
        batch.Add(Event(LogEventLevel.Warning, null), 'P');

        byte[][]? frames = null;
        Assert.That(Eventually.Holds(() =>
        {
            sink.EmitBatch(batch);
            return (frames = subscriber.ReceiveMultipart(TimeSpan.FromMilliseconds(100))) is not null;
        }), Is.True);

        Assert.That(Encoding.UTF8.GetString(frames![0]), Is.EqualTo("PLC/Warning/"));
    }

    [Test]
    public void ASubscriberPastThePerPeerBoundIsDisconnectedAndItsSubscriptionsAreForgotten()
    {
        using var sink = new PublishSink("tcp://127.0.0.1:*");
        using var flood = SubscribePastThePerPeerBound(sink);

        Assert.That(Eventually.Holds(() => sink.SubscribersDisconnected > 0), Is.True, "the subscription past the bound ended the connection");
        Assert.That(sink.Subscriptions, Is.LessThanOrEqualTo(Distlog.Collector.Plugins.Publish.SubscriptionGuard.MaxPerPeer));
    }

    [Test]
    public void APeerPastABoundIsRefusedWhenItReconnectsSoItCannotSubscribeAgainAndAgain()
    {
        using var sink = new PublishSink("tcp://127.0.0.1:*");
        using var flood = SubscribePastThePerPeerBound(sink);
        Assert.That(Eventually.Holds(() => sink.SubscribersDisconnected > 0), Is.True, "the subscription past the bound ended the connection");

        // A SUB socket reconnects by itself and sends all its subscriptions again; so does a second one from the address.
        using var second = ZmqContext.Shared.CreateSocket(ZmqSocketType.Sub);
        second.Subscribe("");
        second.Connect(sink.Endpoint);
        Assert.That(Eventually.Holds(() => sink.HandshakesRefused >= 2), Is.True, "the reconnections were refused at the handshake");
        Assert.That(sink.Subscriptions, Is.Zero, "nothing of the barred address is subscribed");
    }

    [Test]
    public void ASubscriberWithinTheBoundsKeepsItsSubscriptionsAndIsCounted()
    {
        using var sink = new PublishSink("tcp://127.0.0.1:*");
        using var subscriber = ZmqContext.Shared.CreateSocket(ZmqSocketType.Sub);
        subscriber.Connect(sink.Endpoint);
        subscriber.Subscribe("PLC/Error/");
        subscriber.Subscribe("PLC/Warning/");

        Assert.That(Eventually.Holds(() => sink.Subscriptions == 2), Is.True);
        subscriber.Unsubscribe("PLC/Error/");
        Assert.That(Eventually.Holds(() => sink.Subscriptions == 1), Is.True);
        Assert.That(sink.SubscribersDisconnected, Is.Zero);
    }

    [Test]
    public void NothingIsSentWhileNobodySubscribesAndASubscriberThatComesLaterGetsTheEventsFromThen()
    {
        using var sink = new PublishSink("tcp://127.0.0.1:*");
        var batch = new EventBatch(1);
        batch.Add(Event(LogEventLevel.Information, "orders"), 'P');

        sink.EmitBatch(batch);
        Assert.That(sink.HasSubscribers, Is.False);

        using (var subscriber = ZmqContext.Shared.CreateSocket(ZmqSocketType.Sub))
        {
            subscriber.Subscribe("PLC/Information/");
            subscriber.Connect(sink.Endpoint);
            Assert.That(Eventually.Holds(() =>
            {
                sink.EmitBatch(batch);
                return subscriber.ReceiveMultipart(TimeSpan.FromMilliseconds(100)) is not null;
            }), Is.True);
            Assert.That(sink.HasSubscribers, Is.True);
        }

        // The subscriber's socket is gone: XPUB hears the last unsubscription, and the sink stops sending.
        Assert.That(Eventually.Holds(() =>
        {
            sink.EmitBatch(batch);
            return !sink.HasSubscribers;
        }), Is.True);
    }

    [Test]
    public void AnEventLargerThanMaxEventBytesIsNotPublishedAndCountedAsDiscarded()
    {
        using var sink = new PublishSink("tcp://127.0.0.1:*");
        using var subscriber = ZmqContext.Shared.CreateSocket(ZmqSocketType.Sub);
        subscriber.Subscribe("");
        subscriber.Connect(sink.Endpoint);
        var small = new EventBatch(1);
        small.Add(Event(LogEventLevel.Information, "orders"), 'P');
        Assert.That(Eventually.Holds(() =>
        {
            sink.EmitBatch(small);
            return subscriber.ReceiveMultipart(TimeSpan.FromMilliseconds(100)) is not null;
        }), Is.True);
        while (subscriber.ReceiveMultipart(TimeSpan.FromMilliseconds(200)) is not null)
        {
            // Drain the probes.
        }
        var discardedBefore = sink.Discarded;
        var large = new EventBatch(2);
        large.Add(Event(LogEventLevel.Information, "orders"), 'P', Encoding.UTF8.GetBytes(Some.ClefLine(1) + new string(' ', PublishSink.MaxEventBytes)));
        large.Add(Event(LogEventLevel.Information, "orders"), 'P', Encoding.UTF8.GetBytes(Some.ClefLine(2)));

        sink.EmitBatch(large);

        var frames = subscriber.ReceiveMultipart(TimeSpan.FromSeconds(5));
        Assert.That(frames, Is.Not.Null);
        Assert.That(Encoding.UTF8.GetString(frames![1]), Is.EqualTo(Some.ClefLine(2)), "the large event is skipped, the next one sent");
        Assert.That(sink.Discarded - discardedBefore, Is.EqualTo(1));
    }

    static LogEvent Event(LogEventLevel level, string? application) => new(
        DateTimeOffset.UtcNow, level, null, new MessageTemplateParser().Parse("m"),
        application is null ? [] : [new LogEventProperty("Application", new ScalarValue(application))]);

    /// <summary>A subscriber that subscribes to one prefix more than a peer may.</summary>
    static ZmqSocket SubscribePastThePerPeerBound(PublishSink sink)
    {
        var flood = ZmqContext.Shared.CreateSocket(ZmqSocketType.Sub);
        flood.Connect(sink.Endpoint);
        for (var i = 0; i <= Distlog.Collector.Plugins.Publish.SubscriptionGuard.MaxPerPeer; i++)
            flood.Subscribe($"PLC/Error/app{i}");
        return flood;
    }
}
