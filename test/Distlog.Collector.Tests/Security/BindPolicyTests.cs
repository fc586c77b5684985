using Distlog.Collector.Configuration;
using Distlog.Collector.Plugins.Publish;
using Distlog.Collector.Security;

namespace Distlog.Collector.Tests.Security;

public sealed class BindPolicyTests
{
    [Test]
    public void TheEmbeddedDefaultBindsEveryListenerOnLoopback()
    {
        var settings = DefaultConfig.Load();

        Assert.That(settings.Ingest.Endpoints, Is.All.StartsWith("tcp://127.0.0.1:"));
        Assert.That(settings.Plugins.Single(p => p.Sink == BuiltInSinks.Publish).Args.Single().Value, Does.StartWith("tcp://127.0.0.1:"));
        Assert.That(() => BindPolicy.Check(settings), Throws.Nothing);
    }

    [Test]
    public void WithoutAConfigTheDefaultsAreLoopback()
    {
        Assert.That(IngestSettings.DefaultEndpoint, Is.EqualTo("tcp://127.0.0.1:5010"));
        Assert.That(Distlog.Collector.Plugins.Publish.PublishSink.DefaultEndpoint, Is.EqualTo("tcp://127.0.0.1:5011"));
    }

    [TestCase("tcp://127.0.0.1:5010")]
    [TestCase("tcp://127.0.0.2:*")]
    [TestCase("tcp://localhost:5010")]
    [TestCase("tcp://[::1]:5010")]
    [TestCase("ipc:///tmp/distlog")]
    [TestCase("inproc://distlog")]
    public void LoopbackAndLocalTransportsAreLocal(string endpoint) =>
        Assert.That(BindPolicy.IsLocal(endpoint), Is.True);

    [TestCase("tcp://*:5010")]
    [TestCase("tcp://0.0.0.0:5010")]
    [TestCase("tcp://[::]:5010")]
    [TestCase("tcp://10.1.2.3:5010")]
    [TestCase("tcp://eth0:5010")]
    [TestCase("tcp://collector.example.com:5010")]
    [TestCase("udp://127.0.0.1:5010")]
    [TestCase("nonsense")]
    public void WildcardsInterfacesAndOtherAddressesAreNotLocal(string endpoint) =>
        Assert.That(BindPolicy.IsLocal(endpoint), Is.False);

    [Test]
    public void AnIngestEndpointOnTheNetworkWithoutCurveIsRefusedAtItsLine()
    {
        var settings = ConfigLoader.Parse("plugins: []\ningest:\n  endpoints:\n    - tcp://127.0.0.1:5010\n    - tcp://*:5020\n", "d.yaml");

        var error = Assert.Throws<ConfigException>(() => BindPolicy.Check(settings))!;

        Assert.That(error.Message, Is.EqualTo(
            "d.yaml:5: ingest.endpoints: 'tcp://*:5020' is reachable from the network and CURVE is off, so anyone who can reach it could send or read events; " +
            "bind tcp://127.0.0.1, or set security.curve, or set security.allowInsecure: true to accept this"));
    }

    [Test]
    public void APublishEndpointOnTheNetworkWithoutCurveIsRefusedAtItsLine()
    {
        var settings = ConfigLoader.Parse("plugins:\n  - sink: publish\n    args: { endpoint: \"tcp://0.0.0.0:5011\" }\n", "d.yaml");

        var error = Assert.Throws<ConfigException>(() => BindPolicy.Check(settings))!;

        Assert.That(error.Message, Does.StartWith("d.yaml:3: plugins[0].args.endpoint: 'tcp://0.0.0.0:5011' is reachable from the network"));
    }

    [Test]
    public void AnIngestEndpointFromTheCommandLineIsCheckedToo()
    {
        var settings = DefaultConfig.Load() with { Ingest = IngestSettings.Default with { Endpoints = ["tcp://*:5010"] } };

        var error = Assert.Throws<ConfigException>(() => BindPolicy.Check(settings))!;

        Assert.That(error.Message, Does.StartWith("--ingest tcp://*:5010: 'tcp://*:5010' is reachable from the network"));
    }

    [Test]
    public void AllowInsecureAcceptsANetworkBind()
    {
        var settings = ConfigLoader.Parse("security: { allowInsecure: true }\ningest: { endpoints: \"tcp://*:5010\" }\nplugins: []\n", "d.yaml");

        Assert.That(() => BindPolicy.Check(settings), Throws.Nothing);
    }
}
