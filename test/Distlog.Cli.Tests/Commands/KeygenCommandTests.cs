using Distlog.Cli.Tests.Support;
using Distlog.Transport;

namespace Distlog.Cli.Tests.Commands;

public sealed class KeygenCommandTests
{
    [Test]
    public void KeygenWritesACzmqPairThatLoadsWithItsMetadataAndASecretForItsOwnerOnly()
    {
        using var folder = new TempFolder();
        var path = folder.Combine("orders");

        var result = CliRun.Run("keygen", path, "--name", "orders-svc", "--applications", "orders,billing");

        Assert.That(result.ExitCode, Is.Zero, result.ToString());
        var publicOne = ZmqCertificate.Load(path);
        var secretOne = ZmqCertificate.Load(path + "_secret");
        Assert.That(result.Output, Does.Contain(publicOne.PublicKey));
        Assert.That(secretOne.PublicKey, Is.EqualTo(publicOne.PublicKey));
        Assert.That(publicOne.SecretKey, Is.Null);
        Assert.That(secretOne.SecretKey, Is.Not.Null);
        Assert.That(publicOne.Meta("name"), Is.EqualTo("orders-svc"));
        Assert.That(publicOne.Meta("applications"), Is.EqualTo("orders,billing"));
        Assert.That(File.ReadAllText(path), Does.StartWith("#   ****  Generated on ").And.Contain("\nmetadata\n    name = \"orders-svc\"\n").And.Contain("\ncurve\n    public-key = \""));
        if (!OperatingSystem.IsWindows())
            Assert.That(File.GetUnixFileMode(path + "_secret"), Is.EqualTo(UnixFileMode.UserRead | UnixFileMode.UserWrite));
    }

    [Test]
    public void KeygenDoesNotReplaceAPairUnlessForced()
    {
        using var folder = new TempFolder();
        var path = folder.Combine("app");
        CliRun.Run("keygen", path);
        var first = ZmqCertificate.Load(path).PublicKey;

        var refused = CliRun.Run("keygen", path);
        var forced = CliRun.Run("keygen", path, "--force");

        Assert.That(refused.ExitCode, Is.EqualTo(ExitCodes.Failure));
        Assert.That(refused.Error, Does.Contain("exists").And.Contain("--force"));
        Assert.That(forced.ExitCode, Is.Zero, forced.ToString());
        Assert.That(ZmqCertificate.Load(path).PublicKey, Is.Not.EqualTo(first));
    }

    [Test]
    public void SendReachesACurveCollectorWithKeysFromKeygenAndNotWithout()
    {
        using var folder = new TempFolder();
        Directory.CreateDirectory(folder.Combine("clients"));
        CliRun.Run("keygen", folder.Combine("distlogd"));
        CliRun.Run("keygen", folder.Combine("cli"), "--name", "ops-laptop");
        File.Copy(folder.Combine("cli"), Path.Combine(folder.Combine("clients"), "cli"));
        var endpoint = $"tcp://127.0.0.1:{FreePort.Next()}";
        var config = folder.Write("distlogd.yaml", $$"""
            ingest:
              endpoints: ["{{endpoint}}"]
            security:
              curve:
                serverCertificate: distlogd_secret
                authorizedClients: clients
            plugins:
              - sink: file
                args: { path: events.clef, rollingInterval: Infinite }
            """);
        var input = folder.Write("in.clef", ClefText.Line("Event {N}", properties: [("N", 1)]) + "\n");
        using var collector = CollectorProcess.StartReady(folder, null, "--config", config);

        var plain = CliRun.Run("send", input, "--endpoint", endpoint, "--timeout", "1");
        var curved = CliRun.Run("send", input, "--endpoint", endpoint, "--server-key", folder.Combine("distlogd"), "--certificate", folder.Combine("cli_secret"));
        var half = CliRun.Run("send", input, "--endpoint", endpoint, "--server-key", folder.Combine("distlogd"));

        Assert.That(plain.ExitCode, Is.EqualTo(ExitCodes.Failure), plain.ToString());
        Assert.That(curved.ExitCode, Is.Zero, curved.ToString());
        Assert.That(half.ExitCode, Is.EqualTo(ExitCodes.Usage), half.ToString());
        Assert.That(half.Error, Does.Contain("give both or neither"));
        Assert.That(collector.Terminate(TimeSpan.FromSeconds(30)), Is.Zero, collector.Stderr);
        var stored = File.ReadAllLines(folder.Combine("events.clef"));
        Assert.That(stored, Has.Length.EqualTo(1));
        Assert.That(stored[0], Does.Contain("\"ClientName\":\"ops-laptop\""));
    }

    [Test]
    public void TailFollowsACurveCollectorWithKeysFromKeygen()
    {
        using var folder = new TempFolder();
        Directory.CreateDirectory(folder.Combine("clients"));
        CliRun.Run("keygen", folder.Combine("distlogd"));
        CliRun.Run("keygen", folder.Combine("ops"), "--name", "ops-laptop");
        File.Copy(folder.Combine("ops"), Path.Combine(folder.Combine("clients"), "ops"));
        var ingest = $"tcp://127.0.0.1:{FreePort.Next()}";
        var publish = $"tcp://127.0.0.1:{FreePort.Next()}";
        var config = folder.Write("distlogd.yaml", $$"""
            ingest:
              endpoints: ["{{ingest}}"]
            security:
              curve:
                serverCertificate: distlogd_secret
                authorizedClients: clients
            plugins:
              - sink: publish
                args: { endpoint: "{{publish}}" }
            """);
        using var collector = CollectorProcess.StartReady(folder, null, "--config", config);
        var keys = new[] { "--server-key", folder.Combine("distlogd"), "--certificate", folder.Combine("ops_secret") };
        var input = folder.Write("in.clef", ClefText.Line("Event {N}", properties: [("N", 1)]) + "\n");

        var tail = CliRun.RunAsync(["tail", "--endpoint", publish, "--count", "1", "--format", "clef", .. keys]);
        // The slow joiner: send until the subscription has reached distlogd and one event comes back.
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (!tail.Wait(TimeSpan.FromMilliseconds(200)) && DateTime.UtcNow < deadline)
            CliRun.Run(["send", input, "--endpoint", ingest, .. keys]);

        Assert.That(tail.IsCompleted, Is.True, collector.Stderr);
        Assert.That(tail.Result.ExitCode, Is.Zero, tail.Result.ToString());
        Assert.That(tail.Result.Output, Does.Contain("\"ClientName\":\"ops-laptop\""));
    }
}
