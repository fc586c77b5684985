using Distlog.Collector.Configuration;
using Distlog.Collector.Events;
using Distlog.Collector.Ingest;
using Distlog.Collector.Plugins;
using Distlog.Collector.Tests.Support;
using Serilog.Events;
using Serilog.Parsing;

namespace Distlog.Collector.Tests.Plugins;

[FixtureLifeCycle(LifeCycle.InstancePerTestCase)]
public sealed class PluginHostTests
{
    readonly CollectingSink _log = new();

    [Test]
    public void AHeldPluginDropsWhatExceedsItsQueueWhileAnotherPluginGetsEverything()
    {
        var slow = new CollectingBatchSink();
        var fast = new CollectingBatchSink();
        slow.Hold();
        using var slowHost = Host(slow, capacity: 100, batchSize: 10);
        using var fastHost = Host(fast);

        for (var i = 0; i < 1000; i++)
        {
            slowHost.Offer(Event(i));
            fastHost.Offer(Event(i));
        }

        Assert.That(Eventually.Holds(() => fast.Events.Length == 1000), Is.True);
        Assert.That(slowHost.Dropped, Is.InRange(1000 - 100 - 10, 1000 - 100));
        slow.Release();
        Assert.That(slowHost.WaitForDrain(TimeSpan.FromSeconds(10)), Is.True);
        Assert.That(slowHost.Delivered + slowHost.Dropped, Is.EqualTo(1000));
        Assert.That(slow.Events, Has.Length.EqualTo(slowHost.Delivered));
    }

    [Test]
    public void AFailingSinkIsRetriedAndDeliversEachEventOnceWhenItRecovers()
    {
        var sink = new CollectingBatchSink();
        sink.Fail(true);
        using var host = Host(sink);

        for (var i = 0; i < 50; i++)
            host.Offer(Event(i));
        Assert.That(Eventually.Holds(() => sink.Attempts >= 3), Is.True);
        sink.Fail(false);

        Assert.That(Eventually.Holds(() => host.Delivered == 50), Is.True);
        Assert.That(sink.Events.Select(e => e.Event.Properties["N"].ToString()), Is.EqualTo(Enumerable.Range(0, 50).Select(i => i.ToString())));
        Assert.That(_log.Messages, Has.Some.StartsWith("Plugin \"test\" failed to write"));
        Assert.That(_log.Messages, Has.Some.StartsWith("Plugin \"test\" recovered after"));
    }

    [Test]
    public void DrainingWritesEverythingQueuedThenDisposesTheSink()
    {
        var sink = new CollectingBatchSink();
        sink.Hold();
        using var host = Host(sink, batchSize: 7);
        for (var i = 0; i < 500; i++)
            host.Offer(Event(i));

        sink.Release();
        Assert.That(host.WaitForDrain(TimeSpan.FromSeconds(10)), Is.True);

        Assert.That(sink.Events, Has.Length.EqualTo(500));
        Assert.That(host.Delivered, Is.EqualTo(500));
        Assert.That(sink.Disposed, Is.True);
    }

    [Test]
    public void ASinkThatKeepsFailingAtShutdownIsGivenUpAndCountedAsDropped()
    {
        var sink = new CollectingBatchSink();
        sink.Fail(true);
        using var host = Host(sink);
        for (var i = 0; i < 20; i++)
            host.Offer(Event(i));

        Assert.That(host.WaitForDrain(TimeSpan.FromMilliseconds(300)), Is.True);

        Assert.That((host.Delivered, host.Dropped), Is.EqualTo((0L, 20L)));
        Assert.That(sink.Disposed, Is.True);
    }

    [Test]
    public void TheFilterIsAppliedBeforeQueueing()
    {
        var sink = new CollectingBatchSink();
        using var host = Host(sink, filter: FilterSettings.None with { MinimumLevel = LogEventLevel.Warning });

        host.Offer(Event(1, LogEventLevel.Information));
        host.Offer(Event(2, LogEventLevel.Error));

        Assert.That(host.WaitForDrain(TimeSpan.FromSeconds(10)), Is.True);
        Assert.That((host.Delivered, host.Filtered), Is.EqualTo((1L, 1L)));
    }

    [Test]
    public void ASinkThatCannotBeCreatedFailsStart()
    {
        using var host = new PluginHost("broken", () => throw new IOException("disk full"), new PluginFilter(FilterSettings.None), 10, 10, _log.Logger());

        var error = Assert.Throws<PluginStartException>(host.Start)!;

        Assert.That(error.Message, Is.EqualTo("plugin broken cannot start: disk full"));
    }

    [Test]
    public void EventsTheFileDiscardsAtItsSizeLimitAreCountedAsDroppedNotDelivered()
    {
        using var folder = new TempFolder();
        var options = new Distlog.Collector.Plugins.Files.ClefFileOptions(folder.Combine("out.clef"), Serilog.RollingInterval.Infinite,
            FileSizeLimitBytes: 1, RollOnFileSizeLimit: false);
        using var host = new PluginHost("file", () => new Distlog.Collector.Plugins.Files.ClefFileSink(options), new PluginFilter(FilterSettings.None),
            100, 10, _log.Logger());
        host.Start();

        for (var i = 0; i < 25; i++)
            host.Offer(Event(i));

        Assert.That(host.WaitForDrain(TimeSpan.FromSeconds(10)), Is.True);
        Assert.That(host.Delivered, Is.EqualTo(1), "the line that crosses the limit is written whole");
        Assert.That(host.Dropped, Is.EqualTo(24));
    }

    PluginHost Host(CollectingBatchSink sink, int capacity = 10_000, int batchSize = 100, FilterSettings? filter = null)
    {
        var host = new PluginHost("test", () => sink, new PluginFilter(filter ?? FilterSettings.None), capacity, batchSize, _log.Logger());
        host.Start();
        return host;
    }

    static IngestedEvent Event(int n, LogEventLevel level = LogEventLevel.Information) =>
        new(new LogEvent(DateTimeOffset.UtcNow, level, null, new MessageTemplateParser().Parse("Event {N}"),
            [new LogEventProperty("N", new ScalarValue(n))]), 'P');
}
