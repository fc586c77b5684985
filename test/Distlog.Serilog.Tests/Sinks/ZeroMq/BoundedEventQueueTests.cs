using System.Text;
using Distlog.Serilog.Tests.Support;
using Distlog.Sinks.ZeroMq;

namespace Distlog.Serilog.Tests.Sinks.ZeroMq;

public sealed class BoundedEventQueueTests
{
    static readonly TimeSpan Long = TimeSpan.FromSeconds(60);
    static readonly TimeSpan Generous = TimeSpan.FromSeconds(10);

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

    [Test]
    public void LinesAndEventsLeaveInTheOrderTheyWereQueued()
    {
        using var queue = new BoundedEventQueue(1000);
        var first = Some.Event("first");
        queue.TryEnqueue(first);
        queue.TryEnqueue("{\"n\":2}"u8);
        var third = Some.Event("third");
        queue.TryEnqueue(third);
        queue.TryEnqueue("{\"n\":4}"u8);

        var taken = new List<object>();
        while (queue.TryDequeue(out var queued))
            taken.Add(queued.Event ?? (object)Encoding.UTF8.GetString(queued.Clef));

        Assert.That(taken, Is.EqualTo(new object[] { first, "{\"n\":2}", third, "{\"n\":4}" }));
        Assert.That(queue.Count, Is.Zero);
    }

    [Test]
    public void AFullQueueRefusesALineAsWell()
    {
        using var queue = new BoundedEventQueue(1);
        queue.TryEnqueue(Some.Event("a"));

        Assert.That(queue.TryEnqueue("{}"u8), Is.False);
        Assert.That(queue.Count, Is.EqualTo(1));
    }

    [Test]
    public void ChunksAreReusedOnceTheirLinesAreTaken()
    {
        using var queue = new BoundedEventQueue(100_000);
        var line = new byte[1000];
        var linesPerRound = 3 * ClefChunks.ChunkSize / line.Length;
        PassThrough(queue, line, linesPerRound); // the first round allocates the chunks

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var round = 0; round < 10; round++)
            PassThrough(queue, line, linesPerRound);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        // Without reuse, each round takes three fresh 64 KB chunks (about 2 MB in all).
        Assert.That(allocated, Is.LessThan(ClefChunks.ChunkSize), $"{allocated:N0} bytes allocated in 10 rounds of 3 chunks");
        Assert.That(queue.FreeChunks, Is.GreaterThan(0));
    }

    [Test]
    public void ALineLargerThanAChunkComesOutWholeBetweenTheOthers()
    {
        using var queue = new BoundedEventQueue(100);
        var big = Enumerable.Range(0, ClefChunks.ChunkSize + 10).Select(i => (byte)('a' + i % 26)).ToArray();
        queue.TryEnqueue("{\"n\":1}"u8);
        queue.TryEnqueue(big);
        queue.TryEnqueue("{\"n\":3}"u8);

        var taken = new List<byte[]>();
        while (queue.TryDequeue(out var queued))
            taken.Add(queued.Clef.ToArray());

        Assert.That(taken.Select(t => t.Length), Is.EqualTo(new[] { 7, big.Length, 7 }));
        Assert.That(taken[1], Is.EqualTo(big));
        Assert.That(Encoding.UTF8.GetString(taken[2]), Is.EqualTo("{\"n\":3}"));
    }

    [Test]
    public void LinesFromManyThreadsArriveIntactAndInEachThreadsOrderWhileChunksAreReused()
    {
        const int producers = 4;
        const int perProducer = 50_000;
        using var queue = new BoundedEventQueue(5_000);
        var threads = Enumerable.Range(0, producers).Select(p => new Thread(() =>
        {
            var spinner = new SpinWait();
            for (var i = 0; i < perProducer; i++)
            {
                // A line long enough that chunks fill (and are reused) many times over.
                var line = Encoding.UTF8.GetBytes($"{p}:{i}:{new string((char)('a' + p), 40 + i % 50)}");
                while (!queue.TryEnqueue(line))
                    spinner.SpinOnce();
            }
        })).ToList();
        threads.ForEach(t => t.Start());

        var next = new int[producers];
        var bad = new List<string>();
        var deadline = DateTime.UtcNow + Long;
        for (var taken = 0; taken < producers * perProducer && DateTime.UtcNow < deadline;)
        {
            if (!queue.TryDequeue(out var queued))
            {
                Thread.Yield();
                continue;
            }
            taken++;
            var parts = Encoding.UTF8.GetString(queued.Clef).Split(':');
            var (p, i) = (int.Parse(parts[0]), int.Parse(parts[1]));
            if (i != next[p] || parts[2] != new string((char)('a' + p), 40 + i % 50))
                bad.Add($"producer {p}: expected {next[p]}, got {string.Join(':', parts)}");
            next[p] = i + 1;
        }
        threads.ForEach(t => t.Join());

        Assert.That(bad, Is.Empty);
        Assert.That(next, Is.All.EqualTo(perProducer));
    }

    static void PassThrough(BoundedEventQueue queue, byte[] line, int lines)
    {
        for (var i = 0; i < lines; i++)
            queue.TryEnqueue(line);
        while (queue.TryDequeue(out _))
        {
        }
    }

    /// <summary>Runs <paramref name="sleep"/> on a thread of its own; the returned event is set when it returns.</summary>
    static ManualResetEventSlim Consumer(BoundedEventQueue queue, Action<BoundedEventQueue> sleep)
    {
        var done = new ManualResetEventSlim();
        new Thread(() =>
        {
            sleep(queue);
            done.Set();
        })
        { IsBackground = true }.Start();
        return done;
    }

    /// <summary>Wakes until <paramref name="done"/> is set: a Wake before the consumer has announced its sleep does
    /// nothing, and the consumer's own timeout is a minute.</summary>
    static bool WakeUntilDone(BoundedEventQueue queue, ManualResetEventSlim done)
    {
        var until = DateTime.UtcNow + Generous;
        do
            queue.Wake();
        while (!done.Wait(TimeSpan.FromMilliseconds(50)) && DateTime.UtcNow < until);
        return done.IsSet;
    }
}
