using Distlog.Collector.Configuration;
using Serilog.Events;

namespace Distlog.Collector.Tests.Configuration;

public sealed class ConfigLoaderTests
{
    [Test]
    public void AnUnknownSinkNamesFileLineAndKeyAndListsTheKnownSinks()
    {
        const string yaml = """
            ingest:
              endpoints: ["tcp://*:5010"]
            plugins:
              - sink: file
              - sink: sqlit
            """;

        var error = Assert.Throws<ConfigException>(() => ConfigLoader.Parse(yaml, "distlogd.yaml"))!;

        Assert.That(error.Message, Is.EqualTo(
            "distlogd.yaml:5: plugins[1].sink: unknown sink 'sqlit'; known sinks: file, sqlite, redis, publish, console, mongodb, or a Serilog WriteTo method with `using`"));
    }

    [TestCase("tcp://127.0.0.1:99999", "the port '99999' is not 1-65535 or * (any free port)")]
    [TestCase("tcp://127.0.0.1:0", "the port '0' is not 1-65535 or * (any free port)")]
    [TestCase("tcp://127.0.0.1", "has no port")]
    [TestCase("tcp://localhost:6031", "cannot bind to the host name 'localhost' (libzmq reads it as a network interface); binding needs an IP address (tcp://127.0.0.1:6031) or * for every interface")]
    [TestCase("collector:5010", "is not an endpoint; an endpoint looks like tcp://127.0.0.1:5010, tcp://*:5010")]
    public void AnIngestEndpointLibzmqWouldMisreadIsAnErrorAtItsLine(string endpoint, string problem)
    {
        var yaml = $"ingest:\n  endpoints:\n    - \"tcp://*:5010\"\n    - \"{endpoint}\"\n";

        var error = Assert.Throws<ConfigException>(() => ConfigLoader.Parse(yaml, "d.yaml"))!;

        Assert.That(error.Message, Does.StartWith("d.yaml:4: ingest.endpoints[1]: ").And.Contain(problem));
    }

    [TestCase("tcp://*:5010")]
    [TestCase("tcp://127.0.0.1:*")]
    [TestCase("tcp://[::1]:5010")]
    [TestCase("tcp://lo:5010")]
    [TestCase("ipc:///tmp/distlog")]
    [TestCase("inproc://distlog")]
    public void EndpointsLibzmqCanBindAreAccepted(string endpoint)
    {
        var settings = ConfigLoader.Parse($"ingest:\n  endpoints: \"{endpoint}\"\n", "d.yaml");

        Assert.That(settings.Ingest.Endpoints, Is.EqualTo(new[] { endpoint }));
    }

    [Test]
    public void APublishEndpointIsCheckedAsIngestOnesAre()
    {
        var settings = ConfigLoader.Parse("plugins:\n  - sink: publish\n    args: { endpoint: \"tcp://localhost:5011\" }\n", "d.yaml");

        var error = Assert.Throws<ConfigException>(() => Distlog.Collector.Plugins.PluginFactory.Prepare(settings.Plugins[0]))!;

        Assert.That(error.Message, Does.StartWith("d.yaml:3: plugins[0].args.endpoint: 'tcp://localhost:5011': cannot bind to the host name 'localhost'"));
    }

    [Test]
    public void AnUnknownKeyIsAnErrorAtItsLine()
    {
        const string yaml = "ingest:\n  endpoints: [\"tcp://*:5010\"]\n  maxMesageBytes: 10\n";

        var error = Assert.Throws<ConfigException>(() => ConfigLoader.Parse(yaml, "d.yaml"))!;

        Assert.That(error.Message, Does.StartWith("d.yaml:3: ingest.maxMesageBytes: unknown key 'maxMesageBytes'"));
        Assert.That(error.Message, Does.Contain("endpoints, maxMessageBytes, receiveHighWatermark"));
    }

    [Test]
    public void AnUnknownFilterKeyIsAnErrorNamingThePluginIndex()
    {
        const string yaml = "plugins:\n  - sink: console\n  - sink: file\n    filter: { level: Error }\n";

        var error = Assert.Throws<ConfigException>(() => ConfigLoader.Parse(yaml, "d.yaml"))!;

        Assert.That(error.Message, Does.StartWith("d.yaml:4: plugins[1].filter.level: unknown key 'level'"));
    }

    [Test]
    public void AFilterExpressionIsRead()
    {
        const string yaml = "plugins:\n  - sink: console\n    filter:\n      expression: \"@l = 'Error' and Application like 'ord%'\"\n";

        var settings = ConfigLoader.Parse(yaml, "d.yaml");

        Assert.That(settings.Plugins[0].Filter.Expression, Is.EqualTo("@l = 'Error' and Application like 'ord%'"));
    }

    [Test]
    public void ABadFilterExpressionNamesFileLineAndKey()
    {
        const string yaml = "plugins:\n  - sink: console\n    filter:\n      minimumLevel: Debug\n      expression: \"@l = = 'Error'\"\n";

        var error = Assert.Throws<ConfigException>(() => ConfigLoader.Parse(yaml, "d.yaml"))!;

        Assert.That(error.Message, Does.StartWith("d.yaml:5: plugins[0].filter.expression: not a Serilog.Expressions condition: "));
    }

    [Test]
    public void AnUnknownFunctionInAFilterExpressionNamesFileLineAndKey()
    {
        const string yaml = "plugins:\n  - sink: console\n    filter: { expression: \"Nope(1)\" }\n";

        var error = Assert.Throws<ConfigException>(() => ConfigLoader.Parse(yaml, "d.yaml"))!;

        Assert.That(error.Message, Is.EqualTo("d.yaml:3: plugins[0].filter.expression: not a Serilog.Expressions condition: " +
            "The function name `Nope` was not recognized. (e.g. @l = 'Error' and Application = 'orders')"));
    }

    [Test]
    public void AnUnknownLevelListsTheLevels()
    {
        const string yaml = "plugins:\n  - sink: console\n    filter:\n      minimumLevel: Loud\n";

        var error = Assert.Throws<ConfigException>(() => ConfigLoader.Parse(yaml, "d.yaml"))!;

        Assert.That(error.Message, Is.EqualTo(
            "d.yaml:4: plugins[0].filter.minimumLevel: unknown level 'Loud'; levels: Verbose, Debug, Information, Warning, Error, Fatal"));
    }

    [Test]
    public void BrokenYamlNamesTheLine()
    {
        const string yaml = "ingest:\n  endpoints: [\"tcp://*:5010\"\nplugins: []\n";

        var error = Assert.Throws<ConfigException>(() => ConfigLoader.Parse(yaml, "d.yaml"))!;

        Assert.That(error.Message, Does.Match(@"^d\.yaml:\d+: invalid YAML: "));
    }

    [Test]
    public void APluginWithoutSinkIsAnError()
    {
        var error = Assert.Throws<ConfigException>(() => ConfigLoader.Parse("plugins:\n  - args: { path: x }\n", "d.yaml"))!;

        Assert.That(error.Message, Does.StartWith("d.yaml:2: plugins[0].sink: every plugin needs a sink"));
    }

    [Test]
    public void AnEmptyFileMeansDefaultIngestAndTheDefaultPlugins()
    {
        var settings = ConfigLoader.Parse("# nothing but a comment\n", "d.yaml");

        Assert.That(settings.Ingest.Endpoints, Is.EqualTo(new[] { "tcp://127.0.0.1:5010" }));
        Assert.That(settings.Ingest.MaxMessageBytes, Is.EqualTo(4 * 1024 * 1024));
        Assert.That(settings.Ingest.ReceiveHighWatermark, Is.EqualTo(64));
        Assert.That(settings.Plugins.Select(p => p.Sink), Is.EqualTo(new[] { "sqlite", "publish" }));
    }

    [Test]
    public void TheReceiveHighWatermarkIsRead()
    {
        var settings = ConfigLoader.Parse("ingest:\n  receiveHighWatermark: 1000\n", "d.yaml");

        Assert.That(settings.Ingest.ReceiveHighWatermark, Is.EqualTo(1000));
    }

    [Test]
    public void AReceiveHighWatermarkOfZeroIsAnErrorAtItsLine()
    {
        var error = Assert.Throws<ConfigException>(() => ConfigLoader.Parse("ingest:\n  receiveHighWatermark: 0\n", "d.yaml"))!;

        Assert.That(error.Message, Does.StartWith("d.yaml:2: ingest.receiveHighWatermark: "));
    }

    [Test]
    public void TheEmbeddedDefaultIngestsOn5010AndStoresInSqliteAndPublishesOn5011()
    {
        var settings = DefaultConfig.Load();

        Assert.That(settings.Ingest.Endpoints, Is.EqualTo(new[] { "tcp://127.0.0.1:5010" }));
        Assert.That(settings.Ingest.ReceiveHighWatermark, Is.EqualTo(IngestSettings.DefaultReceiveHighWatermark));
        Assert.That(settings.Ingest.MaxQueuedBytes, Is.EqualTo(256L * 1024 * 1024));
        Assert.That(settings.Plugins.Select(p => (p.Sink, p.Args.Single().Value)),
            Is.EqualTo(new[] { ("sqlite", "logs/distlog.db"), ("publish", "tcp://127.0.0.1:5011") }));
    }

    [Test]
    public void FiltersArgsAndQueueSettingsAreRead()
    {
        const string yaml = """
            stats: { interval: 10s }
            plugins:
              - sink: console
                name: errors
                queueCapacity: 500
                batchSize: 50
                filter: { minimumLevel: error, application: [orders, billing], system: PS, task: abc }
              - sink: File
                using: Serilog.Sinks.File
                args: { path: "x.log", fileSizeLimitBytes: null }
            """;

        var settings = ConfigLoader.Parse(yaml, "d.yaml");

        var errors = settings.Plugins[0];
        Assert.That(settings.Stats.Interval, Is.EqualTo(TimeSpan.FromSeconds(10)));
        Assert.That((errors.Name, errors.QueueCapacity, errors.BatchSize), Is.EqualTo(("errors", 500, 50)));
        Assert.That(errors.Filter.MinimumLevel, Is.EqualTo(LogEventLevel.Error));
        Assert.That(errors.Filter.Applications, Is.EqualTo(new[] { "orders", "billing" }));
        Assert.That(errors.Filter.Systems, Is.EqualTo("PS"));
        Assert.That(errors.Filter.Tasks, Is.EqualTo(new[] { "abc" }));
        var generic = settings.Plugins[1];
        Assert.That((generic.Sink, generic.Using), Is.EqualTo(("File", "Serilog.Sinks.File")));
        Assert.That(generic.Args.Select(a => (a.Name, a.Value)), Is.EqualTo(new[] { ("path", (string?)"x.log"), ("fileSizeLimitBytes", null) }));
    }

    [Test]
    public void WhenFullIsDropUnlessAPluginSaysBlock()
    {
        var settings = ConfigLoader.Parse("plugins:\n  - sink: file\n  - sink: sqlite\n    whenFull: Block\n", "d.yaml");

        Assert.That(settings.Plugins.Select(p => p.WhenFull), Is.EqualTo(new[] { PluginWhenFull.Drop, PluginWhenFull.Block }));
    }

    [Test]
    public void AnUnknownWhenFullNamesFileLineAndKey()
    {
        var error = Assert.Throws<ConfigException>(() => ConfigLoader.Parse("plugins:\n  - sink: file\n  - sink: sqlite\n    whenFull: wait\n", "d.yaml"))!;

        Assert.That(error.Message, Is.EqualTo("d.yaml:4: plugins[1].whenFull: 'wait' is not drop or block"));
    }

    [Test]
    public void RepeatedSinksGetNumberedNames()
    {
        var settings = ConfigLoader.Parse("plugins:\n  - sink: file\n  - sink: file\n  - sink: sqlite\n", "d.yaml");

        Assert.That(settings.Plugins.Select(p => p.Name), Is.EqualTo(new[] { "file", "file#2", "sqlite" }));
    }

    [Test]
    public void AnUnknownSystemLetterIsAnError()
    {
        var error = Assert.Throws<ConfigException>(() => ConfigLoader.Parse("plugins:\n  - sink: file\n    filter: { system: X }\n", "d.yaml"))!;

        Assert.That(error.Message, Does.StartWith("d.yaml:3: plugins[0].filter.system: unknown system 'X'"));
    }

    [Test]
    public void MaxQueuedBytesIsSplitEvenlyAmongThePlugins()
    {
        var settings = ConfigLoader.Parse("ingest:\n  maxQueuedBytes: 64MiB\nplugins:\n  - sink: file\n  - sink: sqlite\n", "d.yaml");

        Assert.That(settings.Ingest.MaxQueuedBytes, Is.EqualTo(64L * 1024 * 1024));
        Assert.That(settings.Plugins.Select(p => p.QueueBytes), Is.EqualTo(new[] { 32L * 1024 * 1024, 32L * 1024 * 1024 }));
    }

    [Test]
    public void MaxQueuedBytesBelowOneMessageIsAnErrorAtItsLine()
    {
        var error = Assert.Throws<ConfigException>(() => ConfigLoader.Parse("ingest:\n  maxMessageBytes: 2000\n  maxQueuedBytes: 1KiB\n", "d.yaml"))!;

        Assert.That(error.Message, Does.StartWith("d.yaml:3: ingest.maxQueuedBytes: 1024 bytes cannot hold one message"));
    }

    [Test]
    public void AMaxQueuedBytesThatIsNoSizeNamesTheFormats()
    {
        var error = Assert.Throws<ConfigException>(() => ConfigLoader.Parse("ingest:\n  maxQueuedBytes: lots\n", "d.yaml"))!;

        Assert.That(error.Message, Is.EqualTo("d.yaml:2: ingest.maxQueuedBytes: 'lots' is not a size (a whole number of bytes, or e.g. 512KiB, 256MiB, 2GiB)"));
    }
}
