using Distlog.Serilog.Tests.Support;
using Distlog.Tasks;
using Serilog.Events;

namespace Distlog.Serilog.Tests.Tasks;

public sealed class TaskConcurrencyTests
{
    const int Subtasks = 1000;

    [Test]
    public async Task AThousandSubtasksUnderWhenAllNeverShareAKeyAndSortIntoTheTree()
    {
        using var log = new TestLogger();
        using (DistlogTask.Start(log.Logger, "fan out"))
        {
            await Task.WhenAll(Enumerable.Range(0, Subtasks).Select(i => DistlogTask.RunAsync("child {Index}", [i], async _ =>
            {
                log.Logger.Information("before await {Index}", i);
                await Task.Yield();
                using (DistlogTask.To("grandchild {Index}", i))
                    log.Logger.Information("deep {Index}", i);
                log.Logger.Information("after await {Index}", i);
            })));
        }

        AssertEveryTaskSortsIntoItsOwnSequence(log.Events, expectedTasks: 1 + 2 * Subtasks);
    }

    [Test]
    public void AThousandSubtasksUnderParallelForNeverShareAKeyAndSortIntoTheTree()
    {
        using var log = new TestLogger();
        using (DistlogTask.Start(log.Logger, "parallel"))
        {
            Parallel.For(0, Subtasks, i =>
            {
                using (DistlogTask.To("child {Index}", i))
                {
                    log.Logger.Information("one {Index}", i);
                    log.Logger.Information("two {Index}", i);
                }
            });
        }

        AssertEveryTaskSortsIntoItsOwnSequence(log.Events, expectedTasks: 1 + Subtasks);
    }

    [Test]
    public void SubtasksOnDedicatedThreadsNeverShareAKeyAndSortIntoTheTree()
    {
        using var log = new TestLogger();
        using (DistlogTask.Start(log.Logger, "threads"))
        {
            // Threads started inside the scope inherit its flow, as LogContext's properties do.
            var threads = Enumerable.Range(0, 8).Select(t => new Thread(() =>
            {
                for (var i = 0; i < Subtasks / 8; i++)
                {
                    using (DistlogTask.To("child {Thread}/{Index}", t, i))
                        log.Logger.Information("work");
                }
            })).ToList();
            threads.ForEach(t => t.Start());
            threads.ForEach(t => t.Join());
        }

        AssertEveryTaskSortsIntoItsOwnSequence(log.Events, expectedTasks: 1 + Subtasks);
    }

    static void AssertEveryTaskSortsIntoItsOwnSequence(IReadOnlyList<LogEvent> events, int expectedTasks)
    {
        var keys = events.Select(e => (Key: e.Key(), Event: e)).ToList();
        Assert.That(keys.Select(k => k.Key.ToString()).Distinct().Count(), Is.EqualTo(keys.Count), "no two events share a key");
        Assert.That(keys.Select(k => k.Key.Root).Distinct().Count(), Is.EqualTo(1));

        // Sorting by (path, seq) groups each task's events together, started first and completed last,
        // and puts every task after its parent.
        var sorted = keys.OrderBy(k => k.Key.Segments, SegmentComparer.Instance).ThenBy(k => k.Key.Sequence).ToList();
        var tasks = sorted.GroupBy(k => k.Key.Path).ToList();
        Assert.That(tasks, Has.Count.EqualTo(expectedTasks));
        foreach (var task in tasks)
        {
            var inTask = task.ToList();
            Assert.That(inTask.Select(k => k.Key.Sequence), Is.EqualTo(Enumerable.Range(0, inTask.Count).Select(i => (long)i)), task.Key);
            Assert.That(inTask[0].Event.Properties["TaskStatus"].ToString(), Is.EqualTo("\"Started\""), task.Key);
            Assert.That(inTask[^1].Event.Properties["TaskStatus"].ToString(), Is.EqualTo("\"Succeeded\""), task.Key);
        }

        var seen = new HashSet<string>();
        foreach (var task in tasks)
        {
            var parent = task.Key.Length == 0 ? null : task.Key[..task.Key.LastIndexOf('/')];
            Assert.That(parent == null || seen.Contains(parent), $"{task.Key} sorts after its parent");
            seen.Add(task.Key);
        }
    }

    sealed class SegmentComparer : IComparer<string[]>
    {
        public static readonly SegmentComparer Instance = new();

        public int Compare(string[]? x, string[]? y)
        {
            for (var i = 0; i < Math.Min(x!.Length, y!.Length); i++)
            {
                var order = long.Parse(x[i]).CompareTo(long.Parse(y[i]));
                if (order != 0)
                    return order;
            }
            return x.Length.CompareTo(y.Length);
        }
    }
}
