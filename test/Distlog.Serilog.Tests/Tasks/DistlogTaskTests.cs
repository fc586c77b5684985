using System.Diagnostics;
using Distlog.Serilog.Tests.Support;
using Serilog;
using Serilog.Events;

namespace Distlog.Serilog.Tests.Tasks;

public sealed class DistlogTaskTests
{
    [Test]
    public void TheStartedEventIsNumberedZeroAndEventsInsideFollowInOrder()
    {
        using var log = new TestLogger();
        using (DistlogTask.Start(log.Logger, "Import {File}", "a.csv"))
        {
            log.Logger.Information("first");
            log.Logger.Information("second");
        }

        var events = log.Events;
        Assert.That(events.Select(e => e.Key().Sequence), Is.EqualTo(new long[] { 0, 1, 2, 3 }));
        Assert.That(events[0].Scalar("TaskStatus"), Is.EqualTo("Started"));
        Assert.That(events[0].Message(), Is.EqualTo("Import \"a.csv\""));
        Assert.That(events[3].Scalar("TaskStatus"), Is.EqualTo("Succeeded"));
        Assert.That(events[3].Scalar("TaskElapsed"), Is.TypeOf<double>().And.GreaterThanOrEqualTo(0.0));
        Assert.That(events[1].Properties.ContainsKey("TaskStatus"), Is.False);
        Assert.That(events.Select(e => e.Key().Path), Is.All.Empty);
    }

    [Test]
    public void KeysAreWrittenWholeAcrossEveryChangeInTheNumberOfDigits()
    {
        using var log = new TestLogger();
        string id;
        using (DistlogTask.Start(log.Logger, "job"))
        using (var child = DistlogTask.To("child"))
        {
            id = child.Id;
            for (var i = 0; i < 1_000; i++)
                log.Logger.Information("row {Row}", i);
        }

        var keys = log.Events.Where(e => e.Key().Path.Length > 0).Select(e => (string)e.Scalar("TaskKey")!).ToList();
        Assert.That(keys, Is.EqualTo(Enumerable.Range(0, 1_002).Select(n => $"{n}@{id}")));
    }

    [Test]
    public void TaskElapsedIsTheTaskDurationInMilliseconds()
    {
        using var log = new TestLogger();
        var outside = Stopwatch.StartNew();
        using (DistlogTask.Start(log.Logger, "wait"))
            Thread.Sleep(60);
        outside.Stop();

        var elapsed = (double)log.Events.Last().Scalar("TaskElapsed")!;
        Assert.That(elapsed, Is.GreaterThanOrEqualTo(60.0).And.LessThanOrEqualTo(outside.Elapsed.TotalMilliseconds));
        Assert.That(log.Events.First().Properties.ContainsKey("TaskElapsed"), Is.False, "only the completion event has a duration");
    }

    [Test]
    public void EventsInsideSubtaskCarryTheSubtaskPath()
    {
        using var log = new TestLogger();
        using (DistlogTask.Start(log.Logger, "job"))
        {
            using (DistlogTask.To("first child")) { }
            using (DistlogTask.To("second child"))
            {
                using (DistlogTask.To("grandchild"))
                    log.Logger.Information("deep");
                log.Logger.Information("back in the second child");
            }
            log.Logger.Information("back in the root");
        }

        var keys = log.Events.Select(e => e.Key()).ToList();
        Assert.That(keys.Select(k => k.Root).Distinct().Count(), Is.EqualTo(1));
        Assert.That(log.Events.Single(e => e.Message() == "deep").Key().Path, Is.EqualTo("/2/1"));
        Assert.That(log.Events.Single(e => e.Message() == "back in the second child").Key(), Has.Property("Path").EqualTo("/2").And.Property("Sequence").EqualTo(1));
        Assert.That(log.Events.Single(e => e.Message() == "back in the root").Key(), Has.Property("Path").EqualTo("").And.Property("Sequence").EqualTo(1));
    }

    [Test]
    public void SuccessGivesTheMessageOfTheSucceededEvent()
    {
        using var log = new TestLogger();
        using (var task = DistlogTask.Start(log.Logger, "Parse {Line}", 42))
            task.Success("parsed {Count} records", 17);

        Assert.That(log.Events[^1].Message(), Is.EqualTo("parsed 17 records"));
        Assert.That(log.Events[^1].Scalar("Count"), Is.EqualTo(17));
    }

    [Test]
    public void AFailedTaskWritesAnErrorWithTheExceptionAndLetsItFlyOn()
    {
        using var log = new TestLogger();
        var thrown = Assert.Throws<InvalidOperationException>(() =>
        {
            using var task = DistlogTask.Start(log.Logger, "risky");
            try
            {
                throw new InvalidOperationException("boom");
            }
            catch (Exception ex) when (task.Fail(ex))
            {
            }
        });

        var failed = log.Events[^1];
        Assert.That(failed.Level, Is.EqualTo(LogEventLevel.Error));
        Assert.That(failed.Scalar("TaskStatus"), Is.EqualTo("Failed"));
        Assert.That(failed.Exception, Is.SameAs(thrown));
        Assert.That(failed.Scalar("TaskElapsed"), Is.Not.Null);
    }

    [Test]
    public void RunMarksTheTaskFailedWhenTheBodyThrows()
    {
        using var log = new TestLogger();
        using (DistlogTask.Start(log.Logger, "outer"))
        {
            Assert.Throws<FormatException>(() => DistlogTask.Run("inner", _ => throw new FormatException("bad")));
            Assert.That(DistlogTask.Run("with result", _ => 5), Is.EqualTo(5));
        }

        var inner = log.Events.Where(e => e.Key().Path == "/1").ToList();
        Assert.That(inner.Select(e => e.Scalar("TaskStatus")), Is.EqualTo(new[] { "Started", "Failed" }));
        Assert.That(log.Events.Where(e => e.Key().Path == "/2").Select(e => e.Scalar("TaskStatus")), Is.EqualTo(new[] { "Started", "Succeeded" }));
    }

    [Test]
    public async Task RunAsyncMarksTheTaskFailedWhenTheAwaitedBodyThrows()
    {
        using var log = new TestLogger();
        using (DistlogTask.Start(log.Logger, "outer"))
        {
            Assert.ThrowsAsync<TimeoutException>(() => DistlogTask.RunAsync("inner", async _ =>
            {
                await Task.Yield();
                throw new TimeoutException();
            }));
            Assert.That(await DistlogTask.RunAsync("answer", async _ => { await Task.Yield(); return 42; }), Is.EqualTo(42));
        }

        Assert.That(log.Events.Where(e => e.Key().Path == "/1").Select(e => e.Scalar("TaskStatus")), Is.EqualTo(new[] { "Started", "Failed" }));
        Assert.That(log.Events.Where(e => e.Key().Path == "/2").Select(e => e.Scalar("TaskStatus")), Is.EqualTo(new[] { "Started", "Succeeded" }));
    }

    [Test]
    public void BoundPropertiesReachEveryEventBelowAndTheInnerBindingWins()
    {
        using var log = new TestLogger();
        using (var job = DistlogTask.Start(log.Logger, "job"))
        {
            job.Bind("User", "leo").Bind("Shard", 1);
            using (var sub = DistlogTask.To("sub"))
            {
                sub.Bind("Shard", 2);
                log.Logger.Information("inside");
            }
        }

        var inside = log.Events.Single(e => e.Message() == "inside");
        Assert.That(inside.Scalar("User"), Is.EqualTo("leo"));
        Assert.That(inside.Scalar("Shard"), Is.EqualTo(2));
        Assert.That(log.Events[^1].Scalar("Shard"), Is.EqualTo(1), "the root's completion event carries its own binding");
    }

    [Test]
    public void EventsOutsideAnyTaskCarryNoKey()
    {
        using var log = new TestLogger();
        using (DistlogTask.Start(log.Logger, "job")) { }
        log.Logger.Information("after");

        Assert.That(log.Events[^1].Properties.ContainsKey("TaskKey"), Is.False);
        Assert.That(DistlogTask.Current, Is.Null);
    }

    [Test]
    public void DisposingTwiceWritesOneCompletionEvent()
    {
        using var log = new TestLogger();
        var task = DistlogTask.Start(log.Logger, "job");
        task.Dispose();
        task.Dispose();

        Assert.That(log.Events, Has.Count.EqualTo(2));
    }

    [Test]
    public void BoundaryEventsGoThroughTheGivenLoggerAndSubtasksInheritIt()
    {
        using var other = new TestLogger();
        using var ambient = new TestLogger();
        Log.Logger = ambient.Logger;
        try
        {
            using (other.Logger.StartTask("through the given logger"))
            using (DistlogTask.To("inherits it")) { }
        }
        finally
        {
            Log.CloseAndFlush();
        }

        Assert.That(other.Events, Has.Count.EqualTo(4));
        Assert.That(ambient.Events, Is.Empty);
    }

    [Test]
    public void TasksWithoutALoggerWriteThroughLogLogger()
    {
        using var ambient = new TestLogger();
        Log.Logger = ambient.Logger;
        try
        {
            using (DistlogTask.Start("ambient")) { }
        }
        finally
        {
            Log.CloseAndFlush();
        }

        Assert.That(ambient.Events.Select(e => e.Scalar("TaskStatus")), Is.EqualTo(new[] { "Started", "Succeeded" }));
    }

    [Test]
    public void EventsBelowTheMinimumLevelStillSpendTheirNumber()
    {
        using var log = new TestLogger(LogEventLevel.Warning);
        using (DistlogTask.Start(log.Logger, "quiet"))
            log.Logger.Warning("loud");

        Assert.That(log.Events.Single().Key().Sequence, Is.EqualTo(1));
    }
}
