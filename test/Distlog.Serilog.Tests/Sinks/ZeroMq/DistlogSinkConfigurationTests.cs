using System.Text;
using Distlog.Clef;
using Distlog.Serilog.Tests.Support;
using Microsoft.Extensions.Configuration;
using Serilog;

namespace Distlog.Serilog.Tests.Sinks.ZeroMq;

public sealed class DistlogSinkConfigurationTests
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
                  { "Name": "Distlog", "Args": { "endpoint": "{{receiver.Endpoint}}", "controlEndpoint": "{{receiver.ControlEndpoint}}", "application": "from-json", "system": "S", "whenFull": "Block", "queueLimit": 500 } }
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
}
