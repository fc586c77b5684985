using Distlog.Collector.Configuration;

namespace Distlog.Collector.Tests.Configuration;

/// <summary>Where plugins may load from, the security section, and the shipped example.</summary>
public sealed class ConfigLoaderPluginsAndSecurityTests
{
    [TestCase("../../../x/Evil")]
    [TestCase("/tmp/Evil.dll")]
    [TestCase("plugins\\Evil")]
    [TestCase("..")]
    public void AUsingThatIsAPathIsAnErrorNamingFileLineAndKey(string name)
    {
        var yaml = $"plugins:\n  - sink: File\n    using: '{name}'\n";

        var error = Assert.Throws<ConfigException>(() => ConfigLoader.Parse(yaml, "d.yaml"))!;

        Assert.That(error.Message, Does.StartWith($"d.yaml:3: plugins[0].using: '{name}' is not an assembly name; `using` names an assembly"));
    }

    [Test]
    public void UsingLoadsFromDistlogdsFolderAndThePluginsPath()
    {
        using var folder = new TempFolder();
        Directory.CreateDirectory(folder.Combine("plugins"));
        var yaml = $"pluginsPath: ['{folder.Combine("plugins")}']\nplugins:\n  - sink: File\n    using: Serilog.Sinks.File.dll\n";

        var plugin = ConfigLoader.Parse(yaml, "d.yaml").Plugins.Single();

        Assert.That(plugin.Using, Is.EqualTo("Serilog.Sinks.File"));
        Assert.That(plugin.AssemblyFolders, Is.EqualTo(new[] { AppContext.BaseDirectory, folder.Combine("plugins") }));
    }

    [Test]
    public void APluginsPathThatIsNotAFolderIsAnErrorAtItsLine()
    {
        var error = Assert.Throws<ConfigException>(() => ConfigLoader.Parse("plugins: []\npluginsPath: [/nowhere/plugins]\n", "d.yaml"))!;

        Assert.That(error.Message, Is.EqualTo("d.yaml:2: pluginsPath[0]: '/nowhere/plugins' is not a folder"));
    }

    [Test]
    public void TheSecuritySectionIsRead()
    {
        using var folder = new TempFolder();
        var certificate = folder.Write("distlogd_secret", "curve\n");
        Directory.CreateDirectory(folder.Combine("clients"));
        var yaml = $"security:\n  allowInsecure: true\n  curve:\n    serverCertificate: {certificate}\n    authorizedClients: {folder.Combine("clients")}\n";

        var security = ConfigLoader.Parse(yaml, "d.yaml").Security;

        Assert.That(security.AllowInsecure, Is.True);
        Assert.That((security.Curve!.ServerCertificate, security.Curve.AuthorizedClients), Is.EqualTo((certificate, folder.Combine("clients"))));
    }

    [Test]
    public void ACurveCertificateThatIsNotAFileIsAnErrorAtItsLine()
    {
        var yaml = "security:\n  curve:\n    serverCertificate: keys/nowhere_secret\n    authorizedClients: .\n";

        var error = Assert.Throws<ConfigException>(() => ConfigLoader.Parse(yaml, "d.yaml"))!;

        Assert.That(error.Message, Does.StartWith("d.yaml:3: security.curve.serverCertificate: 'keys/nowhere_secret' is not a file"));
    }

    [Test]
    public void AllowInsecureTakesTrueOrFalse()
    {
        var error = Assert.Throws<ConfigException>(() => ConfigLoader.Parse("security:\n  allowInsecure: yes please\n", "d.yaml"))!;

        Assert.That(error.Message, Is.EqualTo("d.yaml:2: security.allowInsecure: expected true or false, found 'yes please'"));
    }

    [Test]
    public void TheShippedExampleIsValid()
    {
        var settings = ConfigLoader.LoadFile(Path.Combine(AppContext.BaseDirectory, "distlogd.example.yaml"));

        Assert.That(settings.Plugins, Is.Not.Empty);
        foreach (var plugin in settings.Plugins)
            Assert.That(() => Distlog.Collector.Plugins.PluginFactory.Prepare(plugin), Throws.Nothing, plugin.Name);
    }
}
