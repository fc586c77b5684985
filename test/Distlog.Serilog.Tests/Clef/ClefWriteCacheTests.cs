using Distlog.Clef;
using Distlog.Serilog.Tests.Support;
using Serilog.Events;
using Serilog.Parsing;

namespace Distlog.Serilog.Tests.Clef;

/// <summary>The writer's per-thread cache of event ids and encoded names changes no byte it writes.</summary>
sealed class ClefWriteCacheTests
{
    [Test]
    public void AnEventWrittenAgainFromTheCacheIsTheSameLine()
    {
        var logEvent = Some.Event("Stored row {Row} for {Customer}", 7, "ACME");

        var lines = Enumerable.Range(0, 3).Select(_ => ClefLine.Text(logEvent)).ToList();

        Assert.That(lines.Distinct().Count(), Is.EqualTo(1));
        Assert.That(lines[0], Does.Contain("\"Row\":7,\"Customer\":\"ACME\""));
    }

    [Test]
    public void EveryTemplateGetsItsOwnEventIdThoughTheyShareTableSlots()
    {
        // Far more templates than the table has slots, each written twice, so that slots are taken over.
        var templates = Enumerable.Range(0, 2_000).Select(i => $"Template number {i} with {{Value}}").ToList();

        foreach (var pass in new[] { 1, 2 })
        {
            foreach (var text in templates)
            {
                var line = ClefLine.Json(new LogEvent(Some.Timestamp, LogEventLevel.Information, null, new MessageTemplateParser().Parse(text), []));
                Assert.That(line.GetProperty("@i").GetString(), Is.EqualTo(EventIdHash.Compute(text).ToString("x8")), $"pass {pass}: {text}");
            }
        }
    }

    [TestCase("@timestamp", "\"@@timestamp\":1")]
    [TestCase("naïve", "\"naïve\":1")]
    [TestCase("with space", "\"with space\":1")]
    [TestCase("quote\"d", "\"quote\\\"d\":1")]
    public void NamesThatAreNotPlainAreEscapedAsBeforeOnEveryWrite(string name, string expected)
    {
        var logEvent = Some.EventWith(new LogEventProperty(name, new ScalarValue(1)));

        for (var i = 0; i < 3; i++)
            Assert.That(ClefLine.Text(logEvent), Does.Contain(expected), $"write {i + 1}");
    }

    [Test]
    public void EqualNamesInDifferentStringsAreWrittenAlike()
    {
        var first = Some.EventWith(new LogEventProperty(new string("Order".ToCharArray()), new ScalarValue(1)));
        var second = Some.EventWith(new LogEventProperty(new string("Order".ToCharArray()), new ScalarValue(1)));

        Assert.That(ClefLine.Text(first), Is.EqualTo(ClefLine.Text(second)));
    }
}
