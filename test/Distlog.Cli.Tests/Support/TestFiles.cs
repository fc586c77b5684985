namespace Distlog.Cli.Tests.Support;

/// <summary>Files checked in beside the tests and copied to the output folder.</summary>
static class TestFiles
{
    public static string Path(params string[] parts) => System.IO.Path.Combine([TestContext.CurrentContext.TestDirectory, .. parts]);

    public static string Read(params string[] parts) => File.ReadAllText(Path(parts), CliConsole.Utf8);

    public static string ImportTaskClef => Path("Rendering", "Input", "import-task.clef");
}
