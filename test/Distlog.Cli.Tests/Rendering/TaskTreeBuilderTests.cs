using Distlog.Cli.Rendering;
using Distlog.Cli.Tests.Support;

namespace Distlog.Cli.Tests.Rendering;

public sealed class TaskTreeBuilderTests
{
    const string Root = ClefText.Root;

    static string Key(long seq, string path = "") => $"{seq}@{Root}{path}";

    [Test]
    public void ASubtaskFromAnotherProcessAttachesUnderTheTaskThatReservedItsId()
    {
        var forest = TaskTreeBuilder.Build(Events.ReadAll(ClefText.Lines(
            ClefText.Line("import", app: "importer", taskKey: Key(0), status: "Started"),
            ClefText.Line("continue", app: "worker", taskKey: Key(0, "/1/2"), status: "Started", time: "2024-05-01T10:00:01Z"),
            ClefText.Line("parse", app: "importer", taskKey: Key(0, "/1"), status: "Started"))));

        var root = forest.Roots.Single();
        var parse = root.Children.Single();
        Assert.That(parse.Path, Is.EqualTo("/1"));
        Assert.That(parse.Children.Single().Path, Is.EqualTo("/1/2"));
        Assert.That(parse.Children.Single().Started!.MessageTemplate.Text, Is.EqualTo("continue"));
    }

    [Test]
    public void TwoImportsOfOneReservedIdAreSiblingsUnderItInStartOrder()
    {
        // The library runs each Import of {root}/2 as {root}/2/{span id}: a redelivered message gives a second node.
        var forest = TaskTreeBuilder.Build(Events.ReadAll(ClefText.Lines(
            ClefText.Line("job", taskKey: Key(0), status: "Started", time: "2024-05-01T10:00:00Z"),
            ClefText.Line("redelivered", taskKey: Key(0, "/2/0a0a0a0a0a0a0a0a"), status: "Started", time: "2024-05-01T10:00:02Z"),
            ClefText.Line("first delivery", taskKey: Key(0, "/2/fbfbfbfbfbfbfbfb"), status: "Started", time: "2024-05-01T10:00:01Z"),
            ClefText.Line("first delivery", taskKey: Key(1, "/2/fbfbfbfbfbfbfbfb"), status: "Succeeded", time: "2024-05-01T10:00:03Z"),
            ClefText.Line("redelivered", taskKey: Key(1, "/2/0a0a0a0a0a0a0a0a"), status: "Succeeded", time: "2024-05-01T10:00:04Z"))));

        var reserved = forest.Roots.Single().Children.Single();
        Assert.That(reserved.Path, Is.EqualTo("/2"));
        Assert.That(reserved.IsPlaceholder, Is.True);
        Assert.That(reserved.Children.Select(c => c.Started!.MessageTemplate.Text), Is.EqualTo(new[] { "first delivery", "redelivered" }));
        Assert.That(reserved.Children.Select(c => c.Events.Count), Is.All.EqualTo(2), "each import's events stay under its own node");
    }

    [Test]
    public void AncestorsWithoutEventsBecomePlaceholders()
    {
        var forest = TaskTreeBuilder.Build(Events.ReadAll(ClefText.Line("deep", taskKey: Key(0, "/2/7"))));
        var root = forest.Roots.Single();
        Assert.That(root.IsPlaceholder, Is.True);
        Assert.That(root.Children.Single().IsPlaceholder, Is.True);
        Assert.That(root.Children.Single().Children.Single().Events, Has.Count.EqualTo(1));
    }

    [Test]
    public void EventsAreOrderedBySequenceAndTheSameEventReadTwiceIsKeptOnce()
    {
        var second = ClefText.Line("second", taskKey: Key(1), time: "2024-05-01T10:00:00Z");
        var forest = TaskTreeBuilder.Build(Events.ReadAll(ClefText.Lines(
            ClefText.Line("third", taskKey: Key(2), time: "2024-05-01T09:00:00Z"), second,
            ClefText.Line("first", taskKey: Key(0), status: "Started"), second)));
        Assert.That(forest.Roots.Single().Events.Select(e => e.Event.MessageTemplate.Text), Is.EqualTo(new[] { "first", "second", "third" }));
    }

    [Test]
    public void SiblingsSortByStartTimeThenNumericallyThenBySpanId()
    {
        const string t = "2024-05-01T10:00:00Z";
        var forest = TaskTreeBuilder.Build(Events.ReadAll(ClefText.Lines(
            ClefText.Line("root", taskKey: Key(0), status: "Started"),
            ClefText.Line("ten", taskKey: Key(0, "/10"), status: "Started", time: t),
            ClefText.Line("span", taskKey: Key(0, "/00f067aa0ba902b7"), status: "Started", time: t),
            ClefText.Line("two", taskKey: Key(0, "/2"), status: "Started", time: t),
            ClefText.Line("early", taskKey: Key(0, "/99"), status: "Started", time: "2024-05-01T09:59:59Z"))));
        Assert.That(forest.Roots.Single().Children.Select(c => c.Segment), Is.EqualTo(new[] { "99", "2", "10", "00f067aa0ba902b7" }));
    }

    [Test]
    public void TheOutcomeAndDurationComeFromTheCompletionEvent()
    {
        var forest = TaskTreeBuilder.Build(Events.ReadAll(ClefText.Lines(
            ClefText.Line("go", taskKey: Key(0), status: "Started"),
            ClefText.Line("go", level: "Error", taskKey: Key(1), status: "Failed", elapsed: 1234.5, time: "2024-05-01T10:00:09Z"))));
        var root = forest.Roots.Single();
        Assert.That(root.Outcome, Is.EqualTo(TaskOutcome.Failed));
        Assert.That(root.Duration, Is.EqualTo(TimeSpan.FromMilliseconds(1234.5)));
    }

    [Test]
    public void WithoutACompletionTheTaskIsUnfinishedAndLastsFromFirstToLastEvent()
    {
        var forest = TaskTreeBuilder.Build(Events.ReadAll(ClefText.Lines(
            ClefText.Line("go", taskKey: Key(0), status: "Started"),
            ClefText.Line("child", taskKey: Key(0, "/1"), time: "2024-05-01T10:00:02.5Z"))));
        var root = forest.Roots.Single();
        Assert.That(root.Outcome, Is.EqualTo(TaskOutcome.Unfinished));
        Assert.That(root.Duration, Is.EqualTo(TimeSpan.FromSeconds(2.5)));
    }

    [Test]
    public void EventsWithoutATaskKeyAreKeptAsLooseEvents()
    {
        var forest = TaskTreeBuilder.Build(Events.ReadAll(ClefText.Lines(
            ClefText.Line("loose"), ClefText.Line("bad key", taskKey: "not-a-key"), ClefText.Line("in", taskKey: Key(0)))));
        Assert.That(forest.Loose.Select(e => e.MessageTemplate.Text), Is.EqualTo(new[] { "loose", "bad key" }));
        Assert.That(forest.Roots, Has.Count.EqualTo(1));
    }
}
