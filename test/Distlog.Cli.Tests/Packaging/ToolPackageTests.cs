using System.IO.Compression;
using System.Xml.Linq;
using Distlog.Cli.Tests.Support;

namespace Distlog.Cli.Tests.Packaging;

/// <summary>The packages as a user gets them: packed, installed with <c>dotnet tool install</c>, run by their command names.</summary>
sealed class ToolPackageTests
{
    InstalledTools _tools = null!;

    [OneTimeSetUp]
    public void PackAndInstall() => _tools = InstalledTools.PackAndInstall();

    [OneTimeTearDown]
    public void Remove() => _tools.Dispose();

    [Test]
    public void TheCollectorPackageInstallsTheDistlogdCommand()
    {
        var result = _tools.Run("distlogd", null, "--help");

        Assert.That(result.ExitCode, Is.Zero, result.ToString());
        Assert.That(result.Output, Does.StartWith("Usage: distlogd [--config FILE]"));
    }

    [Test]
    public void TheCliPackageInstallsTheDistlogCommand()
    {
        var result = _tools.Run("distlog", null, "--help");

        Assert.That(result.ExitCode, Is.Zero, result.ToString());
        Assert.That(result.Output, Does.Contain("distlog [command] [options]"));
    }

    [Test]
    public void AnEventSentWithTheInstalledDistlogIsWrittenByTheInstalledDistlogd()
    {
        using var folder = new TempFolder();
        var ingest = $"tcp://127.0.0.1:{FreePort.Next()}";
        folder.Write("distlogd.yaml", $$"""
            ingest: { endpoints: ["{{ingest}}"] }
            plugins:
              - sink: file
                args: { path: logs/events.clef, rollingInterval: Infinite }
            """);
        var events = folder.Write("events.clef", """{"@t":"2026-01-02T03:04:05.0000000Z","@mt":"Hello {Name}","Name":"installed"}""" + "\n");
        using var collector = _tools.Start("distlogd", folder.Path, "--config", "distlogd.yaml");
        Assert.That(collector.WaitForStderr(CollectorProcess.ReadyText, TimeSpan.FromSeconds(30)), Is.True, "distlogd did not start:\n" + collector.Output);

        var sent = _tools.Run("distlog", folder.Path, "send", events, "--endpoint", ingest);

        Assert.That(sent.ExitCode, Is.Zero, sent.ToString());
        var stored = folder.Combine("logs/events.clef");
        var written = Eventually.Holds(() => File.Exists(stored) && File.ReadAllText(stored).Contains("\"Name\":\"installed\"", StringComparison.Ordinal),
            TimeSpan.FromSeconds(10));
        Assert.That(written, Is.True, "the event was not written:\n" + collector.Stderr);
        Assert.That(collector.Terminate(TimeSpan.FromSeconds(30)), Is.Zero, collector.Stderr);
    }

    [TestCaseSource(nameof(Packages))]
    public void EveryPackageHasAReadmeTheLicenceARepositoryAndADescription(string package)
    {
        var path = Directory.GetFiles(_tools.PackageFolder, package + ".*.nupkg").Single();
        using var zip = ZipFile.OpenRead(path);
        var nuspec = XDocument.Load(zip.GetEntry(package + ".nuspec")!.Open());
        string? Element(string name) => nuspec.Descendants().FirstOrDefault(e => e.Name.LocalName == name)?.Value;
        var repository = nuspec.Descendants().Single(e => e.Name.LocalName == "repository");

        Assert.That(Element("license"), Is.EqualTo("Apache-2.0"));
        Assert.That(Element("description"), Is.Not.Empty);
        Assert.That(repository.Attribute("url")?.Value, Does.StartWith("https://"));
        Assert.That(Element("readme"), Is.EqualTo("README.md"));
        using var readme = new StreamReader(zip.GetEntry("README.md")!.Open());
        Assert.That(readme.ReadToEnd(), Does.StartWith("# " + package));
    }

    static IEnumerable<string> Packages => InstalledTools.Packages;
}
