using Distlog.Cli.Rendering;
using Distlog.Cli.Tests.Support;

namespace Distlog.Cli.Tests.Rendering;

public sealed class TextRendererTests
{
    static string Render(string clefLine, bool colour = false)
    {
        var writer = new StringWriter { NewLine = "\n" };
        new TextRenderer(colour).Format(Events.Read(clefLine), writer);
        return writer.ToString();
    }

    [Test]
    public void TheDefaultLayoutWritesTimeLevelAndMessage()
    {
        var line = ClefText.Line("Stored {Count} rows in {Table}", time: "2024-05-01T10:11:12.1234567Z", level: "Warning",
            properties: [("Count", 17), ("Table", "orders")]);
        Assert.That(Render(line), Is.EqualTo("[10:11:12 WRN] Stored 17 rows in \"orders\"\n"));
    }

    [Test]
    public void TheDefaultLayoutTellsATasksStartedAndSucceededEventsApart()
    {
        var started = ClefText.Line("Import {File}", time: "2024-05-01T10:00:00Z", taskKey: $"0@{ClefText.Root}", status: "Started", properties: [("File", "a.csv")]);
        var succeeded = ClefText.Line("Import {File}", time: "2024-05-01T10:00:01Z", taskKey: $"1@{ClefText.Root}", status: "Succeeded", elapsed: 1000, properties: [("File", "a.csv")]);
        var failed = ClefText.Line("Import {File}", time: "2024-05-01T10:00:01Z", level: "Error", taskKey: $"1@{ClefText.Root}", status: "Failed", properties: [("File", "a.csv")]);

        Assert.That(Render(started), Is.EqualTo("[10:00:00 INF] Import \"a.csv\" ⇒ started\n"));
        Assert.That(Render(succeeded), Is.EqualTo("[10:00:01 INF] Import \"a.csv\" ⇒ succeeded\n"));
        Assert.That(Render(failed), Is.EqualTo("[10:00:01 ERR] Import \"a.csv\" ⇒ failed\n"));
        Assert.That(Render(succeeded, colour: true), Does.EndWith("\u001b[32m ⇒ succeeded\u001b[0m\n"));
    }

    [Test]
    public void AMessageCarryingAnAnsiEscapeIsRenderedEscaped()
    {
        var line = ClefText.Line("Hello {Name}", properties: [("Name", "\u001b[2Jmallory\r")]);
        var text = Render(line);
        Assert.That(text, Is.EqualTo("[10:00:00 INF] Hello \"\\x1B[2Jmallory\\x0D\"\n"));
        Assert.That(text.IndexOf('\u001b'), Is.EqualTo(-1));
    }

    [Test]
    public void TheExceptionKeepsItsLinesButLosesItsEscapes()
    {
        var line = ClefText.Line("Failed", level: "Error", exception: "System.Exception: boom\u001b[31m\n   at A.B()\n");
        Assert.That(Render(line), Is.EqualTo("[10:00:00 ERR] Failed\nSystem.Exception: boom\\x1B[31m\n   at A.B()\n"));
    }

    [Test]
    public void ColourWrapsOnlyTheLevelAndTime()
    {
        var text = Render(ClefText.Line("x", level: "Error"), colour: true);
        Assert.That(text, Is.EqualTo("[\u001b[90m10:00:00\u001b[0m \u001b[31mERR\u001b[0m] x\n"));
    }
}
