using Distlog.Cli.Tests.Support;

namespace Distlog.Cli.Tests.Commands;

public sealed class TreeCommandTests
{
    static string Expected => TestFiles.Read("Rendering", "Expected", "import-task.txt");

    [Test]
    public void AClefFileIsDrawnAsTheExpectedTree()
    {
        var result = CliRun.Run("tree", TestFiles.ImportTaskClef);
        Assert.That(result.ExitCode, Is.EqualTo(0), result.ToString());
        Assert.That(result.Output, Is.EqualTo(Expected));
    }

    [Test]
    public void StandardInputIsDrawnToo()
    {
        var result = CliRun.RunAsync(["tree"], File.ReadAllText(TestFiles.ImportTaskClef)).GetAwaiter().GetResult();
        Assert.That(result.Output, Is.EqualTo(Expected));
    }

    [Test]
    public void TaskSelectsOneTreeAndDropsEventsOutsideTasks()
    {
        var result = CliRun.Run("tree", TestFiles.ImportTaskClef, "--task", "f3a32bb3-ea6b-457c-aa99-08a3d0491ab4", "--ascii");
        Assert.That(result.Output, Is.EqualTo(
            "f3a32bb3-ea6b-457c-aa99-08a3d0491ab4\n" +
            "`-- + Nightly report in 0.500s [reports@host-d pid 9]\n" +
            "    |-- 10:00:02.000 INF Nightly report => started\n" +
            "    `-- 10:00:02.500 INF Nightly report => succeeded\n"));
    }

    [Test]
    public void AFilterExpressionChoosesTheEventsTheTreesAreBuiltFrom()
    {
        var result = CliRun.Run("tree", TestFiles.ImportTaskClef, "--filter", "Application = 'reports' and TaskStatus = 'Succeeded'", "--ascii");
        Assert.That(result.ExitCode, Is.EqualTo(0), result.ToString());
        Assert.That(result.Output, Does.Contain("10:00:02.500 INF Nightly report => succeeded").And.Not.Contain("started"));
    }

    [Test]
    public void OnATerminalTheTreeIsColouredByStatusAndLevelAndEventTextStaysEscaped()
    {
        var input = ClefText.Lines(
            ClefText.Line("Import {Name}", time: "2024-05-01T10:00:00Z", taskKey: $"0@{ClefText.Root}", status: "Started", properties: [("Name", "\u001b[2J")]),
            ClefText.Line("Disk low", time: "2024-05-01T10:00:01Z", level: "Warning", taskKey: $"1@{ClefText.Root}"),
            ClefText.Line("Import {Name}", time: "2024-05-01T10:00:02Z", level: "Error", taskKey: $"2@{ClefText.Root}", status: "Failed", properties: [("Name", "\u001b[2J")]));

        var result = CliRun.RunAsync(["tree"], input, redirected: false).GetAwaiter().GetResult();

        // Ordinal: culture-aware comparison ignores control characters.
        Assert.That(result.Output.Contains("\u001b[31m✗\u001b[0m", StringComparison.Ordinal), Is.True, result.Output);
        Assert.That(result.Output.Contains("\u001b[33mWRN\u001b[0m", StringComparison.Ordinal), Is.True, result.Output);
        Assert.That(result.Output.Contains("\u001b[31m ⇒ failed\u001b[0m", StringComparison.Ordinal), Is.True, result.Output);
        Assert.That(result.Output.Contains("\u001b[2J", StringComparison.Ordinal), Is.False, result.Output);
        Assert.That(CliRun.RunAsync(["tree"], input).GetAwaiter().GetResult().Output.Contains('\u001b', StringComparison.Ordinal), Is.False, "no colour when redirected");
    }
}
