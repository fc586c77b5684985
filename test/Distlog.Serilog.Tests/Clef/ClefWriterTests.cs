using System.Diagnostics;
using System.Text.Json;
using Distlog.Serilog.Tests.Support;
using Serilog.Events;

namespace Distlog.Serilog.Tests.Clef;

sealed class ClefWriterTests
{
    [Test]
    public void AnInformationEventIsWrittenWithoutALevel()
    {
        var json = ClefLine.Json(Some.Event("Hello, {User}", "nblumhardt"));

        Assert.That(json.TryGetProperty("@l", out _), Is.False);
        Assert.That(json.GetProperty("@mt").GetString(), Is.EqualTo("Hello, {User}"));
        Assert.That(json.GetProperty("User").GetString(), Is.EqualTo("nblumhardt"));
    }

    [TestCase(LogEventLevel.Verbose, "Verbose")]
    [TestCase(LogEventLevel.Debug, "Debug")]
    [TestCase(LogEventLevel.Warning, "Warning")]
    [TestCase(LogEventLevel.Error, "Error")]
    [TestCase(LogEventLevel.Fatal, "Fatal")]
    public void OtherLevelsAreWrittenByName(LogEventLevel level, string name)
    {
        var json = ClefLine.Json(Some.Event(level, null, "Something"));

        Assert.That(json.GetProperty("@l").GetString(), Is.EqualTo(name));
    }

    [Test]
    public void TheTimestampIsWrittenInUtcWithAllSevenFractionalDigits()
    {
        var logEvent = new LogEvent(Some.Timestamp, LogEventLevel.Information, null, MessageTemplate.Empty, []);

        Assert.That(ClefLine.Json(logEvent).GetProperty("@t").GetString(), Is.EqualTo("2024-05-01T12:30:45.1234567Z"));
    }

    [Test]
    public void TheFieldsComeFirstInCompactJsonFormattersOrder()
    {
        var activity = new Activity("test").SetIdFormat(ActivityIdFormat.W3C).Start();
        LogEvent logEvent;
        try
        {
            logEvent = Some.Event(LogEventLevel.Error, Some.ThrownException(), "Paid {Amount:0.00}", 12.345);
        }
        finally
        {
            activity.Stop();
        }

        var names = ClefLine.Json(logEvent).EnumerateObject().Select(p => p.Name);

        Assert.That(names, Is.EqualTo(new[] { "@t", "@mt", "@i", "@r", "@l", "@x", "@tr", "@sp", "Amount" }));
    }

    [TestCase("a", "ca2e9442")]
    [TestCase("The quick brown fox jumps over the lazy dog", "519e91f5")]
    [TestCase("Hello, {User}", "0482b02f")]
    public void TheEventIdIsTheJenkinsOneAtATimeHashOfTheTemplate(string template, string id)
    {
        var json = ClefLine.Json(Some.Event(template, "x"));

        Assert.That(json.GetProperty("@i").GetString(), Is.EqualTo(id));
    }

    [Test]
    public void TheExceptionIsWrittenAsItsToStringText()
    {
        var exception = Some.ThrownException();

        var json = ClefLine.Json(Some.Event(LogEventLevel.Error, exception, "Failed"));

        Assert.That(json.GetProperty("@x").GetString(), Is.EqualTo(exception.ToString()));
    }

    [Test]
    public void TraceAndSpanIdsAreWrittenAsLowercaseHex()
    {
        var traceId = ActivityTraceId.CreateRandom();
        var spanId = ActivitySpanId.CreateRandom();
        var logEvent = new LogEvent(Some.Timestamp, LogEventLevel.Information, null, MessageTemplate.Empty, [], traceId, spanId);

        var json = ClefLine.Json(logEvent);

        Assert.That(json.GetProperty("@tr").GetString(), Is.EqualTo(traceId.ToHexString()));
        Assert.That(json.GetProperty("@sp").GetString(), Is.EqualTo(spanId.ToHexString()));
    }

    [Test]
    public void RenderingsAreWrittenForEachFormattedTokenInTemplateOrder()
    {
        var logEvent = Some.Event("{N:x8} of {Name,-6} at {When:yyyy-MM-dd} costs {Amount:0.00}, again {N:x8}",
            42, "bob", new DateTime(2024, 5, 1), 12.345);

        var renderings = ClefLine.Json(logEvent).GetProperty("@r").EnumerateArray().Select(r => r.GetString());

        Assert.That(renderings, Is.EqualTo(new[] { "0000002a", "2024-05-01", "12.35", "0000002a" }));
    }

    [Test]
    public void ATemplateWithoutFormatsHasNoRenderings()
    {
        Assert.That(ClefLine.Json(Some.Event("{A} and {B,5}", 1, 2)).TryGetProperty("@r", out _), Is.False);
    }

    [Test]
    public void APropertyNameStartingWithAtIsWrittenWithTheAtDoubled()
    {
        var logEvent = Some.EventWith(new LogEventProperty("@odd", new ScalarValue(1)), new LogEventProperty("a@b", new ScalarValue(2)));

        var text = ClefLine.Text(logEvent);

        Assert.That(text, Does.Contain("\"@@odd\":1"));
        Assert.That(text, Does.Contain("\"a@b\":2"));
    }

    [Test]
    public void ExtrasAreWrittenOnlyWhereTheEventHasNoPropertyOfThatName()
    {
        var logEvent = Some.Event("From {Application}", "mine");

        var json = ClefLine.Json(logEvent, new LogEventProperty("Application", new ScalarValue("theirs")),
            new LogEventProperty("Host", new ScalarValue("h1")));

        Assert.That(json.GetProperty("Application").GetString(), Is.EqualTo("mine"));
        Assert.That(json.GetProperty("Host").GetString(), Is.EqualTo("h1"));
        Assert.That(logEvent.Properties.ContainsKey("Host"), Is.False);
    }
}
