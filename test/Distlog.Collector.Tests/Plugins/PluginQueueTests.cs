using Distlog.Collector.Clef;
using Distlog.Collector.Events;
using Distlog.Collector.Ingest;
using Distlog.Collector.Plugins;
using Serilog.Events;
using Serilog.Parsing;

namespace Distlog.Collector.Tests.Plugins;

public sealed class PluginQueueTests
{
    [Test]
    public void AMessageIsAddedAsFarAsThereIsRoomAndTheRestIsRefused()
    {
        var queue = new PluginQueue(capacity: 5);

        Assert.That(queue.TryAdd(Events(3)), Is.EqualTo(3));
        Assert.That(queue.TryAdd(Events(3)), Is.EqualTo(2));
        Assert.That(queue.TryAdd(Events(1)), Is.Zero);
        Assert.That(queue.Count, Is.EqualTo(5));
    }

    [Test]
    public void TheReaderTakesEverythingQueuedAtOnceAndTheRoomReturnsWhenItReleases()
    {
        var queue = new PluginQueue(capacity: 5);
        queue.TryAdd(Events(2));
        queue.TryAdd(Events(3));
        var taken = new List<IngestedEvent>();

        Assert.That(queue.Take(ref taken), Is.True);
        Assert.That(taken, Has.Count.EqualTo(5));
        Assert.That(queue.TryAdd(Events(1)), Is.Zero, "taken events still count until released");
        queue.Release(taken.ToArray());
        Assert.That(queue.TryAdd(Events(1)), Is.EqualTo(1));
    }

    [Test]
    public void AWaitingReaderWakesForTheNextMessageAndEndsAfterCompletion()
    {
        var queue = new PluginQueue(capacity: 10);
        var counts = new List<int>();
        var reader = new Thread(() =>
        {
            var taken = new List<IngestedEvent>();
            while (queue.Take(ref taken))
            {
                counts.Add(taken.Count);
                queue.Release(taken.ToArray());
                taken.Clear();
            }
        });
        reader.Start();

        AssertWaiting(reader);
        queue.TryAdd(Events(4));
        Assert.That(Eventually.Holds(() => queue.Count == 0), Is.True);
        queue.Complete();

        Assert.That(reader.Join(TimeSpan.FromSeconds(10)), Is.True);
        Assert.That(counts, Is.EqualTo(new[] { 4 }));
        Assert.That(queue.TryAdd(Events(1)), Is.Zero, "a completed queue takes nothing");
    }

    [Test]
    public void AddWaitsForRoomAndQueuesTheWholeMessageInOrder()
    {
        var queue = new PluginQueue(capacity: 3);
        var message = Events(7);
        var added = -1;
        var writer = new Thread(() => added = queue.Add(message));
        writer.Start();

        var received = new List<IngestedEvent>();
        var taken = new List<IngestedEvent>();
        while (received.Count < 7 && queue.Take(ref taken))
        {
            Assert.That(taken, Has.Count.LessThanOrEqualTo(3), "never more than the capacity");
            received.AddRange(taken);
            queue.Release(taken.ToArray());
            taken.Clear();
        }

        Assert.That(writer.Join(TimeSpan.FromSeconds(10)), Is.True);
        Assert.That(added, Is.EqualTo(7));
        Assert.That(received.Select(e => e.Event.Timestamp), Is.EqualTo(message.Select(e => e.Event.Timestamp)));
    }

    [Test]
    public void InterruptEndsAWaitingAddWithWhatFitted()
    {
        var queue = new PluginQueue(capacity: 2);
        var added = -1;
        var writer = new Thread(() => added = queue.Add(Events(5)));
        writer.Start();
        Assert.That(Eventually.Holds(() => queue.Count == 2), Is.True);
        Assert.That(writer.Join(TimeSpan.FromMilliseconds(200)), Is.False, "waiting for room");

        queue.Interrupt();

        Assert.That(writer.Join(TimeSpan.FromSeconds(10)), Is.True);
        Assert.That(added, Is.EqualTo(2));
        Assert.That(queue.Add(Events(1)), Is.Zero, "no waiting after an interrupt");
    }

    [Test]
    public void ADeferredWakeUpLetsTheReaderSleepUntilTheWriterWakesIt()
    {
        var queue = new PluginQueue(capacity: 10_000);
        var taken = -1;
        var reader = new Thread(() =>
        {
            var batch = new List<IngestedEvent>();
            if (queue.Take(ref batch))
                taken = batch.Count;
        });
        reader.Start();
        AssertWaiting(reader); // the reader is asleep in Take

        queue.TryAdd(Events(3), deferWake: true);
        queue.TryAdd(Events(2), deferWake: true);
        Assert.That(reader.Join(TimeSpan.FromMilliseconds(300)), Is.False, "still asleep: the wake-up is deferred");

        queue.WakeReader();

        Assert.That(reader.Join(TimeSpan.FromSeconds(10)), Is.True);
        Assert.That(taken, Is.EqualTo(5), "both messages in one wake-up");
    }

    [Test]
    public void ADeferredWakeUpHappensAtOnceWhenAWakeBatchIsQueued()
    {
        var queue = new PluginQueue(capacity: 10_000);
        var reader = new Thread(() =>
        {
            var batch = new List<IngestedEvent>();
            queue.Take(ref batch);
        });
        reader.Start();
        AssertWaiting(reader);

        queue.TryAdd(Events(PluginQueue.WakeBatch), deferWake: true);

        Assert.That(reader.Join(TimeSpan.FromSeconds(10)), Is.True);
    }

    [Test]
    public void EventsPastTheByteBoundAreRefusedAsEventsPastTheCountAre()
    {
        var size = PluginQueue.SizeOf(Lines(1, 1000)[0]);
        var queue = new PluginQueue(capacity: 1000, capacityBytes: 3 * size);

        Assert.That(queue.TryAdd(Lines(2, 1000)), Is.EqualTo(2));
        Assert.That(queue.TryAdd(Lines(2, 1000)), Is.EqualTo(1));
        Assert.That(queue.TryAdd(Lines(1, 10)), Is.Zero, "full in bytes, though 997 more events would fit the count");
        Assert.That((queue.Count, queue.Bytes), Is.EqualTo((3, 3 * size)));
    }

    [Test]
    public void ReleasedBytesAreRoomAgain()
    {
        var size = PluginQueue.SizeOf(Lines(1, 1000)[0]);
        var queue = new PluginQueue(capacity: 1000, capacityBytes: 2 * size);
        queue.TryAdd(Lines(2, 1000));
        var taken = new List<IngestedEvent>();

        Assert.That(queue.Take(ref taken), Is.True);
        Assert.That(queue.TryAdd(Lines(1, 1000)), Is.Zero, "taken events still count until released");
        queue.Release(taken.ToArray());
        Assert.That(queue.Bytes, Is.Zero);
        Assert.That(queue.TryAdd(Lines(2, 1000)), Is.EqualTo(2));
    }

    [Test]
    public void AnEventLargerThanTheWholeByteBoundPassesAnEmptyQueueOnly()
    {
        var queue = new PluginQueue(capacity: 10, capacityBytes: 100);

        Assert.That(queue.Add(Lines(1, 5000)), Is.EqualTo(1), "Add would otherwise wait forever");
        Assert.That(queue.TryAdd(Lines(1, 5000)), Is.Zero);
    }

    [Test]
    public void ABatchHoldsAtMostMaxBatchBytesAndAtLeastOneEvent()
    {
        var events = Lines(10, (int)(PluginQueue.MaxBatchBytes / 4));

        Assert.That(PluginQueue.BatchLength(events, maxCount: 1000), Is.EqualTo(3));
        Assert.That(PluginQueue.BatchLength(Lines(2, (int)PluginQueue.MaxBatchBytes * 2), maxCount: 1000), Is.EqualTo(1));
        Assert.That(PluginQueue.BatchLength(Lines(10, 10), maxCount: 4), Is.EqualTo(4));
    }

    /// <summary>Events whose CLEF lines are <paramref name="bytes"/> long, as ingest's scanner passes them on.</summary>
    static IngestedEvent[] Lines(int count, int bytes) =>
        Enumerable.Range(0, count).Select(_ => new IngestedEvent(default(ClefSummary), 'P', new byte[bytes])).ToArray();

    static IngestedEvent[] Events(int count)
    {
        var template = new MessageTemplateParser().Parse("m");
        var start = DateTimeOffset.UtcNow;
        return Enumerable.Range(0, count)
            .Select(i => new IngestedEvent(new LogEvent(start.AddTicks(i), LogEventLevel.Information, null, template, []), 'P'))
            .ToArray();
    }

    /// <summary>Waits until <paramref name="reader"/> blocks (in <c>Take</c>, the only place it can), instead of sleeping a
    /// fixed time and hoping it got there.</summary>
    static void AssertWaiting(Thread reader) =>
        Assert.That(Eventually.Holds(() => (reader.ThreadState & ThreadState.WaitSleepJoin) != 0, TimeSpan.FromSeconds(10)), Is.True, "the reader waits in Take");
}
