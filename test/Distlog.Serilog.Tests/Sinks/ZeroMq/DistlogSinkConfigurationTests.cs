using System.Text;
using Distlog.Clef;
using Distlog.Serilog.Tests.Support;
using Microsoft.Extensions.Configuration;
using Serilog;
using Serilog.Debugging;

namespace Distlog.Serilog.Tests.Sinks.ZeroMq;

[TestFixture(DistlogTransport.LibZmq)]
[TestFixture(DistlogTransport.NetMq)]
public sealed class DistlogSinkConfigurationTests(DistlogTransport transport)
{
    [Test]
    public void ALoggerBuiltFromAppSettingsJsonSendsToTheCollector()
    {
        using var receiver = new PullReceiver();
        var json = $$"""
            {
              "Serilog": {
                "Using": [ "Distlog.Serilog" ],
                "MinimumLevel": "Debug",
                "Enrich": [ "FromLogContext" ],
                "WriteTo": [
                  { "Name": "Distlog", "Args": { "endpoint": "{{receiver.Endpoint}}", "controlEndpoint": "{{receiver.ControlEndpoint}}", "application": "from-json", "system": "S", "whenFull": "Block", "queueLimit": 500, "transport": "{{transport}}" } }
                ]
              }
            }
            """;
        var configuration = new ConfigurationBuilder().AddJsonStream(new MemoryStream(Encoding.UTF8.GetBytes(json))).Build();

        using (var logger = new LoggerConfiguration().ReadFrom.Configuration(configuration).CreateLogger())
        using (DistlogTask.Start(logger, "configured"))
            logger.Debug("debug is on");

        Assert.That(receiver.WaitForLines(3, TimeSpan.FromSeconds(20)), Is.True);
        Assert.That(receiver.Messages.Select(m => m.Topic), Is.All.EqualTo("SLC"));
        var events = receiver.Lines.Select(ClefReader.Read).ToList();
        Assert.That(events.Select(e => e.Scalar("Application")), Is.All.EqualTo("from-json"));
        Assert.That(events[1].Key().Sequence, Is.EqualTo(1));
    }

    [TestCase("\"system\": \"X\"", "P (production), S (staging) or T (test)")]
    [TestCase("\"queueLimit\": 0", "queue limit 0 is not positive")]
    public void ABadValueInAppSettingsSurfacesTheSinksOwnMessage(string badArgument, string message)
    {
        var json = $$"""
            { "Serilog": { "Using": [ "Distlog.Serilog" ], "WriteTo": [ { "Name": "Distlog", "Args": { "endpoint": "tcp://127.0.0.1:5010", {{badArgument}} } } ] } }
            """;
        var configuration = new ConfigurationBuilder().AddJsonStream(new MemoryStream(Encoding.UTF8.GetBytes(json))).Build();

        var selfLog = new List<string>();
        SelfLog.Enable(m => { lock (selfLog) selfLog.Add(m); });
        try
        {
            var error = Assert.Catch(() => new LoggerConfiguration().ReadFrom.Configuration(configuration).CreateLogger());
            Assert.That(error!.GetBaseException(), Is.TypeOf<ArgumentException>().With.Message.Contains(message));
        }
        finally
        {
            SelfLog.Disable();
        }

        Assert.That(selfLog, Has.One.Contains("WriteTo.Distlog: ").And.Contains(message), "not only inside a TargetInvocationException");
    }

    [TestCase("")]
    [TestCase("PL")]
    [TestCase("p")]
    [TestCase("X")]
    public void ASystemThatIsNotALetterTheCollectorAcceptsIsRejectedAtConfiguration(string system)
    {
        var error = Assert.Throws<ArgumentException>(() => new LoggerConfiguration().WriteTo.Distlog("tcp://localhost:5010", system: system, transport: transport));
        Assert.That(error!.Message, Does.Contain("P (production), S (staging) or T (test)"));
    }
}
