using Distlog.Collector.Tests.Support;

namespace Distlog.Collector.Tests;

public sealed class ProgramTests
{
    [Test]
    public void AConfigErrorExitsNonZeroWithOneLineNamingFileLineAndKey()
    {
        using var folder = new TempFolder();
        using var collector = CollectorProcess.Start(folder, "ingest:\n  endpoints: [\"tcp://127.0.0.1:*\"]\nplugins:\n  - sink: sqlit\n");

        var exitCode = collector.WaitForExit(TimeSpan.FromSeconds(30));

        Assert.That(exitCode, Is.Not.Zero);
        Assert.That(collector.Stderr, Is.EqualTo(
            "distlogd: distlogd.yaml:4: plugins[0].sink: unknown sink 'sqlit'; known sinks: file, sqlite, redis, publish, console, mongodb, or a Serilog WriteTo method with `using`"));
    }

    [Test]
    public void ABadPluginArgumentIsAConfigErrorAtItsLine()
    {
        using var folder = new TempFolder();
        using var collector = CollectorProcess.Start(folder, "plugins:\n  - sink: file\n    args:\n      path: x.clef\n      rollingInterval: Weekly\n");

        var exitCode = collector.WaitForExit(TimeSpan.FromSeconds(30));

        Assert.That(exitCode, Is.Not.Zero);
        Assert.That(collector.Stderr, Does.StartWith("distlogd: distlogd.yaml:5: plugins[0].args.rollingInterval: expected RollingInterval: 'Weekly' is not one of"));
    }

    [Test]
    public void AMissingConfigFileIsOneClearLine()
    {
        using var folder = new TempFolder();
        using var collector = CollectorProcess.Start(folder, null, "--config", "nowhere.yaml");

        Assert.That(collector.WaitForExit(TimeSpan.FromSeconds(30)), Is.Not.Zero);
        Assert.That(collector.Stderr, Does.StartWith("distlogd: cannot read config file 'nowhere.yaml'"));
    }

    [Test]
    public void AnUnknownArgumentIsAUsageError()
    {
        using var folder = new TempFolder();
        using var collector = CollectorProcess.Start(folder, null, "--colour");

        Assert.That(collector.WaitForExit(TimeSpan.FromSeconds(30)), Is.EqualTo(2));
        Assert.That(collector.Stderr, Is.EqualTo("distlogd: unknown argument '--colour'; see distlogd --help"));
    }

    [TestCase("tcp://127.0.0.1:99999", "distlogd: --ingest: 'tcp://127.0.0.1:99999': the port '99999' is not 1-65535 or * (any free port)")]
    [TestCase("tcp://localhost:6031", "distlogd: --ingest: 'tcp://localhost:6031': cannot bind to the host name 'localhost' (libzmq reads it as a network interface); binding needs an IP address (tcp://127.0.0.1:6031) or * for every interface")]
    [TestCase("foo", "distlogd: --ingest: 'foo' is not an endpoint; an endpoint looks like tcp://127.0.0.1:5010, tcp://*:5010, ipc:///tmp/distlog or inproc://name")]
    public void AnIngestEndpointOnTheCommandLineIsCheckedBeforeBindingAndIsAUsageError(string endpoint, string message)
    {
        using var folder = new TempFolder();
        using var collector = CollectorProcess.Start(folder, null, "--ingest", endpoint);

        Assert.That(collector.WaitForExit(TimeSpan.FromSeconds(30)), Is.EqualTo(2));
        Assert.That(collector.Stderr, Is.EqualTo(message));
    }

    [Test]
    public void AnIngestEndpointInUseExitsNonZeroWithOneLine()
    {
        using var folder = new TempFolder();
        var port = FreePort.Next();
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, port);
        listener.Start();
        using var collector = CollectorProcess.Start(folder, $"ingest:\n  endpoints: [\"tcp://127.0.0.1:{port}\"]\nplugins: []\n");

        Assert.That(collector.WaitForExit(TimeSpan.FromSeconds(30)), Is.EqualTo(1));
        Assert.That(collector.Stderr, Is.EqualTo($"distlogd: ingest: Cannot bind tcp://127.0.0.1:{port}: Address already in use"));
    }

    [Test]
    public void AFilePluginThatCannotCreateItsFolderStopsStartUpWithOneLine()
    {
        using var folder = new TempFolder();
        var ingest = FreePort.Endpoint();
        using var collector = CollectorProcess.Start(folder, Some.Yaml(ingest, "sink: file\nargs: { path: /proc/distlogd/x.clef }"));

        Assert.That(collector.WaitForExit(TimeSpan.FromSeconds(30)), Is.EqualTo(1));
        Assert.That(collector.Stderr, Does.StartWith("distlogd: plugin file cannot start: ").And.Not.Contain("\n"));
    }

    [Test]
    public void SigintStopsTheCollectorWithExitCodeZeroAndASummary()
    {
        using var folder = new TempFolder();
        var ingest = FreePort.Endpoint();
        using var collector = CollectorProcess.StartReady(folder, Some.Yaml(ingest, "sink: file\nargs: { path: out.clef }"));

        Signals.Send(collector.Id, Signals.SigInt);

        Assert.That(collector.WaitForExit(TimeSpan.FromSeconds(30)), Is.Zero);
        Assert.That(collector.Stderr, Does.Contain("Shutdown: received 0 messages, accepted 0 events, rejected 0; file: delivered 0"));
    }

    [Test]
    public void ANetworkBindWithoutCurveExitsWithCodeTwoAndOneLineSayingWhy()
    {
        using var folder = new TempFolder();
        using var collector = CollectorProcess.Start(folder, $"ingest:\n  endpoints: [\"tcp://*:{FreePort.Next()}\"]\nplugins: []\n");

        Assert.That(collector.WaitForExit(TimeSpan.FromSeconds(30)), Is.EqualTo(2));
        Assert.That(collector.Stderr, Does.Match(@"^distlogd: distlogd\.yaml:2: ingest\.endpoints: 'tcp://\*:\d+' is reachable from the network and CURVE is off, .*security\.curve.*security\.allowInsecure: true.*$"));
    }

    [Test]
    public void AUsingThatClimbsOutOfDistlogdsFolderIsRefusedAndNothingIsLoaded()
    {
        // A real assembly outside distlogd's folder, named by a relative path from it: once, distlogd loaded and ran it.
        using var folder = new TempFolder();
        Directory.CreateDirectory(folder.Combine("x"));
        File.Copy(Path.Combine(AppContext.BaseDirectory, "Serilog.Sinks.File.dll"), folder.Combine("x", "Evil.dll"));
        var evil = Path.GetRelativePath(AppContext.BaseDirectory, folder.Combine("x", "Evil"));
        Assert.That(evil, Does.StartWith(".."));
        using var collector = CollectorProcess.Start(folder,
            Some.Yaml(FreePort.Endpoint(), $"sink: File\nusing: \"{evil}\"\nargs: {{ path: evil.txt }}"));

        Assert.That(collector.WaitForExit(TimeSpan.FromSeconds(30)), Is.EqualTo(2));
        Assert.That(collector.Stderr, Is.EqualTo(
            $"distlogd: distlogd.yaml:5: plugins[0].using: '{evil}' is not an assembly name; `using` names an assembly (e.g. Serilog.Sinks.Seq), never a path: " +
            "copy its .dll files into distlogd's folder or a folder listed in pluginsPath"));
    }
}
