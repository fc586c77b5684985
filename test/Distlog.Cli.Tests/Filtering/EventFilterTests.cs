using Distlog.Cli.Filtering;
using Distlog.Cli.Tests.Support;
using Serilog.Events;

namespace Distlog.Cli.Tests.Filtering;

public sealed class EventFilterTests
{
    static readonly Serilog.Events.LogEvent Event = Events.Read(ClefText.Line(
        "Stored {Count} rows", level: "Warning", app: "orders", taskKey: $"2@{ClefText.Root}/1/2",
        properties: [("Count", 17), ("Region", "eu"), ("Retry", true)]));

    [Test]
    public void AnEmptyFilterPassesEverything()
    {
        Assert.That(EventFilter.None.Matches(Event), Is.True);
    }

    [Test]
    public void TheMinimumLevelPassesThatLevelAndAbove()
    {
        Assert.That(new EventFilter { MinimumLevel = LogEventLevel.Warning }.Matches(Event), Is.True);
        Assert.That(new EventFilter { MinimumLevel = LogEventLevel.Error }.Matches(Event), Is.False);
    }

    [Test]
    public void TheApplicationMustMatchExactly()
    {
        Assert.That(new EventFilter { Application = "orders" }.Matches(Event), Is.True);
        Assert.That(new EventFilter { Application = "order" }.Matches(Event), Is.False);
    }

    [TestCase(ClefText.Root, true)]
    [TestCase(ClefText.Root + "/1", true)]
    [TestCase(ClefText.Root + "/1/2", true)]
    [TestCase(ClefText.Root + "/1/2/3", false)]
    [TestCase(ClefText.Root + "/12", false)]
    [TestCase("00000000000000000000000000000000", false)]
    public void ATaskSelectsItsTreeOrSubtree(string task, bool matches)
    {
        Assert.That(new EventFilter { Task = TaskSelector.Parse(task) }.Matches(Event), Is.EqualTo(matches));
    }

    [Test]
    public void EventsOutsideTasksFailATaskFilter()
    {
        var loose = Events.Read(ClefText.Line("no task"));
        Assert.That(new EventFilter { Task = TaskSelector.Parse(ClefText.Root) }.Matches(loose), Is.False);
    }

    [Test]
    public void EveryPropertyMustHaveItsValueAsText()
    {
        EventFilter With(params (string, string)[] pairs) => new() { Properties = pairs.Select(p => KeyValuePair.Create(p.Item1, p.Item2)).ToList() };
        Assert.That(With(("Count", "17"), ("Region", "eu"), ("Retry", "true")).Matches(Event), Is.True);
        Assert.That(With(("Count", "17"), ("Region", "us")).Matches(Event), Is.False);
        Assert.That(With(("Missing", "")).Matches(Event), Is.False);
    }
}
