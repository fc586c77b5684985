using System.Text;
using Distlog.Collector.Events;
using Distlog.Collector.Ingest;
using Distlog.Collector.Tests.Support;

namespace Distlog.Collector.Tests.Ingest;

[FixtureLifeCycle(LifeCycle.InstancePerTestCase)]
public sealed class MessageDecoderTests
{
    readonly CollectingSink _log = new();
    readonly IngestCounters _counters = new();
    readonly List<IngestedEvent> _events = [];
    readonly MessageDecoder _decoder;

    public MessageDecoderTests() => _decoder = new MessageDecoder(new RejectionReporter(_counters, _log.Logger()));

    [Test]
    public void EachLineOfAClefBatchBecomesAnEventWithTheTopicsSystemLetter()
    {
        Decode("SLC", string.Join("\n", Some.ClefLine(1), Some.ClefLine(2), Some.ClefLine(3)) + "\n");

        Assert.That(_events.Select(e => e.Event.Properties["N"].ToString()), Is.EqualTo(new[] { "1", "2", "3" }));
        Assert.That(_events.Select(e => e.System), Is.All.EqualTo('S'));
    }

    [Test]
    public void ABadLineRejectsOnlyThatLine()
    {
        Decode("PLC", $"{Some.ClefLine(1)}\n{{\"@t\": 12\n{Some.ClefLine(3)}\r\n");

        Assert.That(_events.Select(e => e.Event.Properties["N"].ToString()), Is.EqualTo(new[] { "1", "3" }));
        Assert.That(_counters.Rejected(RejectReason.InvalidClef), Is.EqualTo(1));
        Assert.That(_log.Messages.Single(), Does.StartWith("Rejected a message (InvalidClef): CLEF line 2"));
    }

    [Test]
    public void ALineThatIsNotUtf8IsRejectedAsSuch()
    {
        var payload = Encoding.UTF8.GetBytes(Some.ClefLine(1) + "\n").Concat(new byte[] { 0x7B, 0xC3, 0x28, 0x7D }).ToArray();

        Decode("PLC", payload);

        Assert.That(_events, Has.Count.EqualTo(1));
        Assert.That(_counters.Rejected(RejectReason.InvalidUtf8), Is.EqualTo(1));
    }

    [Test]
    public void PickleIsRejectedWithOneWarningHoweverOftenItComes()
    {
        for (var i = 0; i < 5; i++)
            Decode("PLP", new byte[] { 0x80, 0x04, 0x95 });

        Assert.That(_events, Is.Empty);
        Assert.That(_counters.Rejected(RejectReason.Pickle), Is.EqualTo(5));
        Assert.That(_log.Messages.Single(), Does.Contain("never unpickled"));
    }

    [TestCase("XLC")]
    [TestCase("PMC")]
    [TestCase("PLX")]
    [TestCase("PLCX")]
    [TestCase("")]
    public void OtherTopicsAreRejected(string topic)
    {
        Decode(topic, Some.ClefLine(1));

        Assert.That(_events, Is.Empty);
        Assert.That(_counters.Rejected(RejectReason.UnknownTopic), Is.EqualTo(1));
    }

    [Test]
    public void WarningsForOneReasonAreRateLimited()
    {
        for (var i = 0; i < 100; i++)
            Decode("PLC", "not json");

        Assert.That(_counters.Rejected(RejectReason.InvalidClef), Is.EqualTo(100));
        Assert.That(_log.Messages, Has.Length.EqualTo(1));
    }

    [Test]
    public void APythonRecordTopicIsMappedToOneEvent()
    {
        Decode("TLJ", """{"levelno": 40, "msg": "boom", "created": 1524085399.148067, "context": {"key": "0@e252a11f-d33d-483d-ba08-bc8f642b2f10"}}""");

        Assert.That(_events.Single().System, Is.EqualTo('T'));
        Assert.That(_events.Single().Event.Level, Is.EqualTo(Serilog.Events.LogEventLevel.Error));
    }

    [Test]
    public void ClefLinesAreAcceptedWithTheirSummaryAndWithoutBuildingTheirEvents()
    {
        Decode("PLC", string.Join("\n", Some.ClefLine(1, "Warning", "billing", Some.TaskKey(1)), Some.ClefLine(2)));

        Assert.That(_events.Select(e => e.Built), Is.All.Null);
        Assert.That(_events.Select(e => (e.Summary.Level, e.Summary.Application, e.TaskKey)), Is.EqualTo(new[]
        {
            (Serilog.Events.LogEventLevel.Warning, "billing", Some.TaskKey(1)),
            (Serilog.Events.LogEventLevel.Information, "orders", null),
        }));
    }

    [Test]
    public void AValidLineTheScannerLeavesToTheReaderArrivesWithItsEventBuilt()
    {
        Decode("PLC", """{"@t":"2024-05-01T12:00:00Z","@mt":"m","TaskKey":"1@r\/2","Application":"orders"}""");

        Assert.That(_events.Single().Built, Is.Not.Null);
        Assert.That((_events.Single().TaskKey, _events.Single().Summary.Application), Is.EqualTo(("1@r/2", "orders")));
        Assert.That(_counters.RejectedTotal, Is.Zero);
    }

    void Decode(string topic, string payload) => Decode(topic, Encoding.UTF8.GetBytes(payload));

    void Decode(string topic, byte[] payload) => _decoder.Decode(Encoding.ASCII.GetBytes(topic), payload, _events);
}
