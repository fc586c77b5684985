using Distlog.Serilog.Tests.Support;
using Distlog.Sinks.ZeroMq;

namespace Distlog.Serilog.Tests.Sinks.ZeroMq;

public sealed class BoundedEventQueueTests
{
    private static readonly TimeSpan Long = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan Generous = TimeSpan.FromSeconds(10);

    [Test]
    public void AnIdleConsumerIsWokenByTheFirstEvent()
    {
        using var queue = new BoundedEventQueue(1000);
        using var consumer = Consumer(queue, q => q.WaitForEvents(Long));

        queue.TryEnqueue(Some.Event("one"));

        Assert.That(consumer.Wait(Generous), Is.True, "woken long before its 60 s timeout");
    }

    [Test]
    public void WakeEndsTheSleepWithNothingQueued()
    {
        using var queue = new BoundedEventQueue(1000);
        using var idle = Consumer(queue, q => q.WaitForEvents(Long));

        Assert.That(WakeUntilDone(queue, idle), Is.True);
        Assert.That(queue.Count, Is.Zero);
    }

    [Test]
    public void AFullQueueRefusesAndCountsNothingMore()
    {
        using var queue = new BoundedEventQueue(2);

        Assert.That(new[] { queue.TryEnqueue(Some.Event("a")), queue.TryEnqueue(Some.Event("b")), queue.TryEnqueue(Some.Event("c")) },
            Is.EqualTo(new[] { true, true, false }));
        Assert.That(queue.Count, Is.EqualTo(2));
    }

    /// <summary>Runs <paramref name="sleep"/> on a thread of its own; the returned event is set when it returns.</summary>
    private static ManualResetEventSlim Consumer(BoundedEventQueue queue, Action<BoundedEventQueue> sleep)
    {
        var done = new ManualResetEventSlim();
        new Thread(() =>
        {
            sleep(queue);
            done.Set();
        }) { IsBackground = true }.Start();
        return done;
    }

    /// <summary>Wakes until <paramref name="done"/> is set: a Wake before the consumer has announced its sleep does
    /// nothing, and the consumer's own timeout is a minute.</summary>
    private static bool WakeUntilDone(BoundedEventQueue queue, ManualResetEventSlim done)
    {
        var until = DateTime.UtcNow + Generous;
        do
            queue.Wake();
        while (!done.Wait(TimeSpan.FromMilliseconds(50)) && DateTime.UtcNow < until);
        return done.IsSet;
    }
}
