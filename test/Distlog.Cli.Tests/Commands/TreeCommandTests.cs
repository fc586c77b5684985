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
}
