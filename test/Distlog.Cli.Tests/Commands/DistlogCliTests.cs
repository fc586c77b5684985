using Distlog.Cli.Tests.Support;

namespace Distlog.Cli.Tests.Commands;

public sealed class DistlogCliTests
{
    [Test]
    public void HelpListsEveryCommand()
    {
        var result = CliRun.Run("--help");
        Assert.That(result.ExitCode, Is.EqualTo(0), result.ToString());
        Assert.That(result.Output, Does.Contain("tail").And.Contain("send").And.Contain("print").And.Contain("tree").And.Contain("query"));
    }

    [TestCase("tail", "--endpoint", "--level", "--app", "--task", "--system", "--filter", "--format", "--template", "--ascii", "--count", "--server-key", "--certificate", "--timeout")]
    [TestCase("send", "FILE", "--endpoint", "--system", "--invalid-data", "--server-key", "--certificate", "--timeout")]
    [TestCase("keygen", "NAME", "--name", "--applications", "--force")]
    [TestCase("print", "FILE", "--format", "--template", "--level", "--app", "--task", "--property", "--filter", "--invalid-data")]
    [TestCase("tree", "FILE", "--db", "--task", "--filter", "--ascii", "--limit", "--invalid-data")]
    [TestCase("query", "--db", "--task", "--level", "--app", "--system", "--since", "--until", "--text", "--property", "--filter", "--limit", "--format", "--template", "--ascii")]
    public void EachCommandsHelpNamesAllItsOptions(string command, params string[] options)
    {
        var result = CliRun.Run(command, "--help");
        Assert.That(result.ExitCode, Is.EqualTo(0), result.ToString());
        foreach (var option in options)
            Assert.That(result.Output, Does.Contain(option), option);
    }

    [Test]
    public void NoArgumentsShowHelpAndAUsageExitCode()
    {
        var result = CliRun.Run();
        Assert.That(result.ExitCode, Is.EqualTo(ExitCodes.Usage));
        Assert.That(result.Output, Does.Contain("Usage:"));
    }

    [TestCase(new[] { "print", "--level", "loud" }, "'loud' is not a level")]
    [TestCase(new[] { "print", "--bogus" }, "--bogus")]
    [TestCase(new[] { "query" }, "--db")]
    [TestCase(new[] { "print", "--template", "{@m" }, "--template \"{@m\" is not a Serilog.Expressions template: ")]
    [TestCase(new[] { "print", "--filter", "@l = = 'Error'" }, "--filter \"@l = = 'Error'\" is not a Serilog.Expressions condition: ")]
    [TestCase(new[] { "print", "--filter", "Nope(1)" }, "--filter \"Nope(1)\" is not a Serilog.Expressions condition: The function name `Nope` was not recognized")]
    [TestCase(new[] { "print", "--template", "{Nope(1)}" }, "--template \"{Nope(1)}\" is not a Serilog.Expressions template: The function name `Nope` was not recognized")]
    [TestCase(new[] { "tail", "--filter", "Nope(" }, "--filter \"Nope(\" is not a Serilog.Expressions condition: ")]
    [TestCase(new[] { "query", "--db", "x.db", "--filter", "and" }, "--filter \"and\" is not a Serilog.Expressions condition: ")]
    [TestCase(new[] { "tree", "--filter", "'" }, "--filter \"'\" is not a Serilog.Expressions condition: ")]
    [TestCase(new[] { "tail", "--format", "xml" }, "'xml' is not a format here")]
    [TestCase(new[] { "print", "--format", "tree" }, "'tree' is not a format here")]
    [TestCase(new[] { "send", "--system", "X" }, "'X' is not a system")]
    [TestCase(new[] { "query", "--db", "x.db", "--since", "yesterday" }, "'yesterday' is not a time")]
    [TestCase(new[] { "print", "--property", "NoEquals" }, "'NoEquals' is not NAME=VALUE")]
    [TestCase(new[] { "tree", "file.clef", "--db", "x.db" }, "not both")]
    public void ABadCommandLineGivesOneLineOnStandardErrorAndExitCodeTwo(string[] args, string message)
    {
        var result = CliRun.Run(args);
        Assert.That(result.ExitCode, Is.EqualTo(ExitCodes.Usage), result.ToString());
        Assert.That(result.Error, Does.StartWith("distlog: ").And.Contain(message).And.EndsWith("--help'.\n"));
        Assert.That(result.Error.TrimEnd('\n'), Does.Not.Contain('\n'));
        Assert.That(result.Output, Is.Empty);
    }

    [TestCase("tial", "distlog: unknown command 'tial'; did you mean 'tail'? See 'distlog --help'.\n")]
    [TestCase("pritn", "distlog: unknown command 'pritn'; did you mean 'print'? See 'distlog --help'.\n")]
    [TestCase("qeury", "distlog: unknown command 'qeury'; did you mean 'query'? See 'distlog --help'.\n")]
    [TestCase("frobnicate", "distlog: unknown command 'frobnicate'. See 'distlog --help'.\n")]
    public void AnUnknownCommandIsNamedWithTheClosestCommands(string typed, string message)
    {
        var result = CliRun.Run(typed, "--level", "error");
        Assert.That(result.ExitCode, Is.EqualTo(ExitCodes.Usage));
        Assert.That(result.Error, Is.EqualTo(message));
    }

    [Test]
    public void AMissingFileGivesOneLineNamingItAndExitCodeOne()
    {
        var result = CliRun.Run("print", "/no/such/file.clef");
        Assert.That(result.ExitCode, Is.EqualTo(ExitCodes.Failure));
        Assert.That(result.Error, Is.EqualTo("distlog: cannot read '/no/such/file.clef': no such file\n"));
    }
}
