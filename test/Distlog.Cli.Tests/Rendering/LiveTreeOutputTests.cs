using System.Text;
using Distlog.Cli.Input;
using Distlog.Cli.Rendering;
using Distlog.Cli.Tests.Support;

namespace Distlog.Cli.Tests.Rendering;

public sealed class LiveTreeOutputTests
{
    StringWriter _output = null!;

    [SetUp]
    public void CreateOutput() => _output = new StringWriter { NewLine = "\n" };

    static ClefRecord Record(string line) => new(Events.Read(line), Encoding.UTF8.GetBytes(line));

    readonly ManualClock _clock = new();

    LiveTreeOutput Create(int max = LiveTreeOutput.DefaultMaxHeldEvents, TimeSpan? grace = null) =>
        new(_output, new TaskTreeRenderer(ascii: true), grace ?? TimeSpan.Zero, max, _clock);

    [Test]
    public void ATreeIsDrawnWhenItsRootTaskCompletes()
    {
        var live = Create();
        live.Write(Record(ClefText.Line("job", taskKey: $"0@{ClefText.Root}", status: "Started")));
        live.Write(Record(ClefText.Line("step", taskKey: $"0@{ClefText.Root}/1", status: "Started", time: "2024-05-01T10:00:00.5Z")));
        Assert.That(_output.ToString(), Is.Empty);

        live.Write(Record(ClefText.Line("job", taskKey: $"1@{ClefText.Root}", status: "Succeeded", elapsed: 5, time: "2024-05-01T10:00:01Z")));
        Assert.That(_output.ToString(), Does.StartWith($"{ClefText.Root}\n`-- + job in 0.005s"));
        Assert.That(_output.ToString(), Does.Contain("|-- ... step"));
    }

    [Test]
    public void EventsOutsideTasksAreWrittenAtOnce()
    {
        var live = Create();
        live.Write(Record(ClefText.Line("hello")));
        live.Write(Record(ClefText.Line("again")));
        Assert.That(_output.ToString(), Is.EqualTo("10:00:00.000 INF hello\n10:00:00.000 INF again\n"));
    }

    [Test]
    public void UnfinishedTreesAreDrawnAtTheEnd()
    {
        var live = Create();
        live.Write(Record(ClefText.Line("job", taskKey: $"0@{ClefText.Root}", status: "Started")));
        live.Complete();
        Assert.That(_output.ToString(), Does.Contain("`-- ... job"));
    }

    [Test]
    public void TheOldestUnfinishedTreeIsDrawnWhenTooManyEventsAreHeld()
    {
        var live = Create(max: 2);
        live.Write(Record(ClefText.Line("old", taskKey: $"0@{ClefText.Root}", status: "Started")));
        live.Write(Record(ClefText.Line("more", taskKey: $"1@{ClefText.Root}")));
        Assert.That(_output.ToString(), Is.Empty);
        live.Write(Record(ClefText.Line("new", taskKey: "0@00000000000000000000000000000001", status: "Started", time: "2024-05-01T10:00:05Z")));
        Assert.That(_output.ToString(), Does.Contain("... old").And.Not.Contain("new"));
    }

    [Test]
    public void EventsArrivingAfterTheirRootCompletedAreDrawnAsALaterTree()
    {
        var live = Create();
        foreach (var line in File.ReadAllLines(TestFiles.ImportTaskClef))
            live.Write(Record(line));
        live.Complete();

        var text = _output.ToString();
        Assert.That(text, Does.Contain("x Import \"orders.csv\""));
        Assert.That(text, Does.Contain("Stored on retry => succeeded"));
        Assert.That(text, Does.Contain("Checked 17 rows"));
    }

    [Test]
    public void ACompletedTreeWaitsTheGraceForLateSubtaskEvents()
    {
        var live = Create(grace: TimeSpan.FromMilliseconds(300));
        live.Write(Record(ClefText.Line("job", taskKey: $"0@{ClefText.Root}", status: "Started")));
        live.Write(Record(ClefText.Line("job", taskKey: $"1@{ClefText.Root}", status: "Succeeded", time: "2024-05-01T10:00:01Z")));
        live.Write(Record(ClefText.Line("late worker", taskKey: $"0@{ClefText.Root}/1", time: "2024-05-01T10:00:00.5Z")));
        live.Poll();
        Assert.That(_output.ToString(), Is.Empty);

        _clock.Advance(TimeSpan.FromMilliseconds(299));
        live.Poll();
        Assert.That(_output.ToString(), Is.Empty, "still within the grace");

        _clock.Advance(TimeSpan.FromMilliseconds(2));
        live.Poll();
        Assert.That(_output.ToString(), Does.Contain("late worker"));
        Assert.That(_output.ToString().Split($"\n{ClefText.Root}\n"), Has.Length.EqualTo(1), "one tree");
    }

    /// <summary>A clock that moves only when the test says so.</summary>
    sealed class ManualClock : TimeProvider
    {
        DateTimeOffset _now = new(2024, 5, 1, 10, 0, 0, TimeSpan.Zero);

        public override DateTimeOffset GetUtcNow() => _now;

        public void Advance(TimeSpan by) => _now += by;
    }
}
