using System.Text;
using Distlog.Clef;
using Distlog.Serilog.Tests.Support;
using Distlog.Transport;
using Microsoft.Extensions.Configuration;
using Serilog;
using Serilog.Debugging;

namespace Distlog.Serilog.Tests.Sinks.ZeroMq;

[TestFixture(DistlogTransport.LibZmq)]
[TestFixture(DistlogTransport.NetMq)]
public sealed class DistlogSinkCurveTests(DistlogTransport transport)
{
    static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    readonly List<string> _selfLog = [];
    TempFolder _temp = null!;

    [SetUp]
    public void Prepare()
    {
        _temp = new TempFolder();
        SelfLog.Enable(m => { lock (_selfLog) _selfLog.Add(m); });
    }

    [TearDown]
    public void CleanUp()
    {
        SelfLog.Disable();
        _temp.Dispose();
    }

    [Test]
    public void ALoggerFromAppSettingsJsonWithAServerKeyAndACertificateSendsOverCurve()
    {
        var server = ZmqCurveKeyPair.Generate();
        var client = Path.Combine(_temp.Path, "app");
        ZmqCertificate.Generate([]).Save(client);
        using var receiver = new PullReceiver(curveSecretKey: server.SecretKey);
        var json = $$"""
            {
              "Serilog": {
                "Using": [ "Distlog.Serilog" ],
                "WriteTo": [
                  { "Name": "Distlog", "Args": { "endpoint": "{{receiver.Endpoint}}", "application": "curved", "whenFull": "Block", "transport": "{{transport}}",
                                                 "serverKey": "{{server.PublicKey}}", "clientCertificate": "{{client}}_secret" } }
                ]
              }
            }
            """;
        var configuration = new ConfigurationBuilder().AddJsonStream(new MemoryStream(Encoding.UTF8.GetBytes(json))).Build();

        using (var logger = new LoggerConfiguration().ReadFrom.Configuration(configuration).CreateLogger())
        {
            for (var n = 0; n < 10; n++)
                logger.Information("Event {N}", n);
        }

        Assert.That(receiver.WaitForLines(10, Patience), Is.True, string.Join("\n", _selfLog));
        Assert.That(receiver.Lines.Select(ClefReader.Read).Select(e => e.Scalar("Application")), Is.All.EqualTo("curved"));
    }

    [Test]
    public void TheServerKeyMayBeThePathOfTheCollectorsPublicCertificate()
    {
        var server = ZmqCertificate.Generate([]);
        var serverPath = Path.Combine(_temp.Path, "distlogd");
        server.Save(serverPath);
        var client = Path.Combine(_temp.Path, "app");
        ZmqCertificate.Generate([]).Save(client);
        using var receiver = new PullReceiver(curveSecretKey: server.SecretKey);

        // The public certificate's own name: its _secret twin is read for the client, as czmq's zcert_load does.
        using (var logger = new LoggerConfiguration()
            .WriteTo.Distlog(receiver.Endpoint, whenFull: DistlogWhenFull.Block, serverKey: serverPath, clientCertificate: client, transport: transport)
            .CreateLogger())
            logger.Information("over CURVE");

        Assert.That(receiver.WaitForLines(1, Patience), Is.True, string.Join("\n", _selfLog));
    }

    [Test]
    public void ACertificateThatCannotBeReadIsReportedOnceAndTheSinkDropsItsEvents()
    {
        var missing = Path.Combine(_temp.Path, "nowhere_secret");
        using var receiver = new PullReceiver(curveSecretKey: ZmqCurveKeyPair.Generate().SecretKey);

        using (var logger = new LoggerConfiguration()
            .WriteTo.Distlog(receiver.Endpoint, serverKey: ZmqCurveKeyPair.Generate().PublicKey, clientCertificate: missing, flushTimeout: TimeSpan.FromSeconds(1), transport: transport)
            .CreateLogger())
            logger.Information("never sent");

        lock (_selfLog)
            Assert.That(_selfLog.Count(l => l.Contains(missing, StringComparison.Ordinal)), Is.EqualTo(1), string.Join("\n", _selfLog));
        Assert.That(receiver.LineCount, Is.Zero);
    }

    [TestCase("serverKey")]
    [TestCase("clientCertificate")]
    public void OneOfServerKeyAndClientCertificateWithoutTheOtherIsAnArgumentError(string given)
    {
        var key = ZmqCurveKeyPair.Generate().PublicKey;

        var error = Assert.Throws<ArgumentException>(() => new LoggerConfiguration().WriteTo.Distlog(
            serverKey: given == "serverKey" ? key : null,
            clientCertificate: given == "clientCertificate" ? "keys/app_secret" : null, transport: transport))!;

        Assert.That(error.Message, Does.Contain("give both or neither"));
    }
}
