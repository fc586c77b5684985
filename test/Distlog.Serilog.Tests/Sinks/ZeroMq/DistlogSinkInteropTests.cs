using System.Text;
using Distlog.Clef;
using Distlog.Serilog.Tests.Support;
using Serilog;

namespace Distlog.Serilog.Tests.Sinks.ZeroMq;

[Category("Interop")]
[TestFixture(DistlogTransport.LibZmq)]
[TestFixture(DistlogTransport.NetMq)]
public sealed class DistlogSinkInteropTests(DistlogTransport transport)
{
    [Test]
    public void APythonZeroMqPeerReceivesTheSinksMessages()
    {
        using var python = PythonPeer.StartPull(4, out var endpoint);
        using (var logger = new LoggerConfiguration()
            .Enrich.FromLogContext()
            .WriteTo.Distlog(endpoint, application: "interop", batchSizeLimit: 1, acknowledge: false, transport: transport)
            .CreateLogger())
        using (DistlogTask.Start(logger, "cross-language {Peer}", "pyzmq"))
        {
            logger.Information("héllo {Emoji}", "✓");
            logger.Warning("second");
        }

        var messages = python.ReadMessages();
        Assert.That(messages.Select(m => m.Length), Is.All.EqualTo(2), "two frames each, as a Python distlog sender writes them");
        Assert.That(messages.Select(m => Encoding.ASCII.GetString(m[0])), Is.All.EqualTo("PLC"));
        var events = messages.Select(m => ClefReader.Read(Encoding.UTF8.GetString(m[1]))).ToList();
        Assert.That(events.Select(e => e.Key().Sequence), Is.EqualTo(new long[] { 0, 1, 2, 3 }));
        Assert.That(events[1].Message(), Is.EqualTo("héllo \"✓\""));
    }
}
