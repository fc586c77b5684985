using Distlog.Cli.Tests.Support;

namespace Distlog.Cli.Tests.Commands;

public sealed class PrintCommandTests
{
    static readonly string Input = ClefText.Lines(
        ClefText.Line("Started {App}", time: "2024-05-01T10:00:00Z", app: "orders", properties: [("App", "orders")]),
        ClefText.Line("Slow {Ms}", time: "2024-05-01T10:00:01Z", level: "Warning", app: "orders", taskKey: $"1@{ClefText.Root}/1", properties: [("Ms", 900)]),
        ClefText.Line("Failed", time: "2024-05-01T10:00:02Z", level: "Error", app: "billing", exception: "System.Exception: no\n   at X()"),
        ClefText.Line("Cleared \u001b[2J", time: "2024-05-01T10:00:03Z", app: "billing", properties: [("Region", "eu")]));

    static CliResult Print(params string[] args) => CliRun.RunAsync(["print", .. args], Input).GetAwaiter().GetResult();

    [Test]
    public void StandardInputIsRenderedAsTextWithTheDefaultTemplate()
    {
        var result = Print();
        Assert.That(result.ExitCode, Is.EqualTo(0), result.ToString());
        Assert.That(result.Output, Is.EqualTo(
            "[10:00:00 INF] Started \"orders\"\n" +
            "[10:00:01 WRN] Slow 900\n" +
            "[10:00:02 ERR] Failed\nSystem.Exception: no\n   at X()\n" +
            "[10:00:03 INF] Cleared \\x1B[2J\n"));
    }

    [Test]
    public void AFileArgumentIsReadLikeStandardInput()
    {
        using var folder = new TempFolder();
        var path = folder.Write("events.clef", Input);
        var result = CliRun.Run("print", path);
        Assert.That(result.Output, Is.EqualTo(Print("-").Output));
    }

    [Test]
    public void SeveralFilesAreReadInTheOrderGivenAsRolledDailyFilesAre()
    {
        using var folder = new TempFolder();
        var first = folder.Write("distlog-20240501.clef", ClefText.Lines(ClefText.Line("Before midnight", time: "2024-05-01T23:59:59Z")));
        var second = folder.Write("distlog-20240502.clef", ClefText.Lines(ClefText.Line("After midnight", time: "2024-05-02T00:00:01Z")));

        var result = CliRun.Run("print", first, second, "--template", "{@m}\n");

        Assert.That(result.ExitCode, Is.EqualTo(0), result.ToString());
        Assert.That(result.Output, Is.EqualTo("Before midnight\nAfter midnight\n"));
    }

    [Test]
    public void ABadLineIsNamedWithItsOwnFileAmongSeveral()
    {
        using var folder = new TempFolder();
        var good = folder.Write("a.clef", ClefText.Lines(ClefText.Line("fine")));
        var bad = folder.Write("b.clef", "{\"@t\":\"2024-05-01T10:00:00Z\",\"@mt\":\"ok\"}\nnot json\n");

        var result = CliRun.Run("print", good, bad, "--invalid-data", "report", "--template", "{@m}\n");

        Assert.That(result.Output, Is.EqualTo("fine\nok\n"));
        Assert.That(result.Error, Does.Contain(bad + " line 2 is not valid CLEF"));
    }

    [TestCase(new[] { "--level", "wrn" }, new[] { "Slow", "Failed" })]
    [TestCase(new[] { "--app", "billing" }, new[] { "Failed", "Cleared" })]
    [TestCase(new[] { "--task", ClefText.Root }, new[] { "Slow" })]
    [TestCase(new[] { "--property", "Region=eu" }, new[] { "Cleared" })]
    [TestCase(new[] { "--property", "Ms=900", "--property", "Region=eu" }, new string[0])]
    [TestCase(new[] { "--app", "billing", "--level", "Error" }, new[] { "Failed" })]
    [TestCase(new[] { "--filter", "@l = 'Error' and Application = 'billing'" }, new[] { "Failed" })]
    [TestCase(new[] { "--filter", "TaskKey like '%@4bf92f35%'" }, new[] { "Slow" })]
    [TestCase(new[] { "--filter", "Ms > 500 or Region = 'eu'" }, new[] { "Slow", "Cleared" })]
    [TestCase(new[] { "--filter", "Has(@x)", "--app", "orders" }, new string[0])]
    public void FiltersSelectTheMatchingEvents(string[] filter, string[] expected)
    {
        var result = Print([.. filter, "--template", "{@mt}\n"]);
        Assert.That(result.OutputLines.Select(l => l.Split(' ')[0]), Is.EqualTo(expected), result.ToString());
    }

    [Test]
    public void ClefFormatWritesTheMatchingLinesUnchanged()
    {
        var result = Print("--format", "clef", "--app", "billing");
        var lines = Input.Split('\n');
        Assert.That(result.Output, Is.EqualTo(lines[2] + "\n" + lines[3] + "\n"));
    }

    [Test]
    public void ATemplateChoosesTheLayout()
    {
        var result = Print("--level", "Error", "--template", "{@t:yyyy-MM-ddTHH:mm:ss} {@l:w3} {Application}: {@m}\n");
        Assert.That(result.Output, Is.EqualTo("2024-05-01T10:00:02 err billing: Failed\n"));
    }

    [Test]
    public void ATemplateLineWithoutALineEndGetsOne()
    {
        var result = Print("--app", "orders", "--template", "{@l:u3} {@m}");
        Assert.That(result.Output, Is.EqualTo("INF Started orders\nWRN Slow 900\n"));
    }

    [Test]
    public void ATemplateShowsEventTextEscaped()
    {
        var result = Print("--filter", "Region = 'eu'", "--template", "{@mt} {Region} {@p}");
        Assert.That(result.Output, Is.EqualTo("Cleared \\x1B[2J eu {\"Application\":\"billing\",\"Region\":\"eu\"}\n"));
    }

    [Test]
    public void ATemplateOnATerminalIsThemedButEventTextStaysEscaped()
    {
        var result = CliRun.RunAsync(["print", "--template", "{@l:u3} {@m}"], Input, redirected: false).GetAwaiter().GetResult();
        Assert.That(result.Output.Contains('\u001b', StringComparison.Ordinal), Is.True, result.Output);
        Assert.That(result.Output, Does.Contain("\\x1B[2J"));
        Assert.That(result.Output.Contains("\u001b[2J", StringComparison.Ordinal), Is.False, result.Output);
    }

    [Test]
    public void InvalidLinesFailByDefaultNamingTheLine()
    {
        var result = CliRun.RunAsync(["print"], ClefText.Lines(ClefText.Line("ok"), "{\"@t\":42}")).GetAwaiter().GetResult();
        Assert.That(result.ExitCode, Is.EqualTo(ExitCodes.Failure));
        Assert.That(result.Error, Does.StartWith("distlog: stdin line 2 is not valid CLEF: "));
        Assert.That(result.Output, Is.EqualTo("[10:00:00 INF] ok\n"));
    }

    [Test]
    public void InvalidLinesCanBeReportedAndSkipped()
    {
        var result = CliRun.RunAsync(["print", "--invalid-data", "report"], ClefText.Lines("nope", ClefText.Line("ok"))).GetAwaiter().GetResult();
        Assert.That(result.ExitCode, Is.EqualTo(0));
        Assert.That(result.Error, Does.StartWith("stdin line 1 is not valid CLEF: "));
        Assert.That(result.Output, Is.EqualTo("[10:00:00 INF] ok\n"));
    }

    [Test]
    public void TextOnATerminalIsColouredButEventTextStaysEscaped()
    {
        var result = CliRun.RunAsync(["print"], Input, redirected: false).GetAwaiter().GetResult();
        // Ordinal: culture-aware comparison ignores control characters.
        Assert.That(result.Output.Contains("\u001b[33mWRN\u001b[0m", StringComparison.Ordinal), Is.True, result.Output);
        Assert.That(result.Output, Does.Contain("Cleared \\x1B[2J"));
        Assert.That(result.Output.Contains("\u001b[2J", StringComparison.Ordinal), Is.False, result.Output);
    }
}
