using Distlog.Cli.Rendering;
using Distlog.Cli.Tests.Support;

namespace Distlog.Cli.Tests.Rendering;

public sealed class TaskTreeRendererTests
{
    static string Render(IEnumerable<string> clefLines, bool ascii = false)
    {
        var forest = TaskTreeBuilder.Build(clefLines.Select(Events.Read));
        var writer = new StringWriter { NewLine = "\n" };
        new TaskTreeRenderer(ascii).Render(forest, writer);
        return writer.ToString();
    }

    static string[] ImportTaskLines => File.ReadAllLines(TestFiles.ImportTaskClef);

    [Test]
    public void ANestedTaskWithAFailureAndAnImportedSubtaskMatchesTheExpectedTree()
    {
        Assert.That(Render(ImportTaskLines), Is.EqualTo(TestFiles.Read("Rendering", "Expected", "import-task.txt")));
    }

    [Test]
    public void TheAsciiTreeMatchesTheExpectedTree()
    {
        Assert.That(Render(ImportTaskLines, ascii: true), Is.EqualTo(TestFiles.Read("Rendering", "Expected", "import-task.ascii.txt")));
    }

    [Test]
    public void TheInputOrderDoesNotChangeTheTree()
    {
        var shuffled = ImportTaskLines.OrderBy(line => line.GetHashCode(StringComparison.Ordinal)).Reverse();
        Assert.That(Render(shuffled), Is.EqualTo(TestFiles.Read("Rendering", "Expected", "import-task.txt")));
    }

    [Test]
    public void ControlCharactersInMessagesAndExceptionsAreEscapedInTheTree()
    {
        var text = Render(
        [
            ClefText.Line("Evil {Name}", taskKey: $"0@{ClefText.Root}", status: "Started", properties: [("Name", "\u001b[2J")]),
            ClefText.Line("Boom", level: "Error", taskKey: $"1@{ClefText.Root}", status: "Failed", exception: "E: \u001b]0;title\u0007\n   at X()"),
        ]);
        Assert.That(text.IndexOfAny(['\u001b', '\u0007']), Is.EqualTo(-1));
        Assert.That(text, Does.Contain(@"Evil ""\x1B[2J"""));
        Assert.That(text, Does.Contain(@"E: \x1B]0;title\x07"));
    }

    [Test]
    public void ATaskWhoseStartWasNotSeenIsNamedByItsPathAndUnfinished()
    {
        var text = Render([ClefText.Line("late", taskKey: $"3@{ClefText.Root}/5")]);
        Assert.That(text, Is.EqualTo(
            $"{ClefText.Root}\n" +
            "└── … (no events)\n" +
            "    └── … /5 (start not seen) ⧖ 0.000s\n" +
            "        └── 10:00:00.000 INF late\n"));
    }
}
