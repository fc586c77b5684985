using System.Diagnostics;
using Distlog.Clef;
using Distlog.Serilog.Tests.Support;
using Serilog.Events;

namespace Distlog.Serilog.Tests.Clef;

sealed class ClefRoundTripTests
{
    [Test]
    public void AnEventWithEveryKindOfValueIsWrittenAgainToTheSameBytes()
    {
        var original = EventWithEveryKindOfValue();
        var line = ClefLine.Text(original);

        var read = ClefReader.Read(line);

        Assert.That(ClefLine.Text(read), Is.EqualTo(line));
    }

    [Test]
    public void TheReadEventHasTheOriginalsFieldsAndValues()
    {
        var original = EventWithEveryKindOfValue();

        var read = ClefReader.Read(ClefLine.Text(original));

        Assert.That(read.Timestamp, Is.EqualTo(original.Timestamp));
        Assert.That(read.Level, Is.EqualTo(original.Level));
        Assert.That(read.MessageTemplate.Text, Is.EqualTo(original.MessageTemplate.Text));
        Assert.That(read.Exception!.ToString(), Is.EqualTo(original.Exception!.ToString()));
        Assert.That(read.TraceId, Is.EqualTo(original.TraceId).And.Not.Null);
        Assert.That(read.SpanId, Is.EqualTo(original.SpanId).And.Not.Null);
        Assert.That(read.Properties.Keys, Is.EqualTo(original.Properties.Keys));
        foreach (var (name, value) in original.Properties)
            SameValue.Assert(value, read.Properties[name], name);
    }

    [Test]
    public void ReadingTheLineOfAReadEventGivesEqualValuesOfTheSameTypes()
    {
        var first = ClefReader.Read(ClefLine.Text(EventWithEveryKindOfValue()));

        var second = ClefReader.Read(ClefLine.Text(first));

        foreach (var (name, value) in first.Properties)
            SameValue.AssertIdentical(value, second.Properties[name], name);
    }

    [TestCase(LogEventLevel.Verbose)]
    [TestCase(LogEventLevel.Debug)]
    [TestCase(LogEventLevel.Information)]
    [TestCase(LogEventLevel.Warning)]
    [TestCase(LogEventLevel.Error)]
    [TestCase(LogEventLevel.Fatal)]
    public void EachLevelIsReadBackAsWritten(LogEventLevel level)
    {
        Assert.That(ClefReader.Read(ClefLine.Text(Some.Event(level, null, "At {Level}", level))).Level, Is.EqualTo(level));
    }

    // Without a format, a value CLEF carries as a string (a date, a Guid) renders as that string, quoted.
    [TestCase("{0:000} and {1,-8:l}|", 7, "left")]
    [TestCase("{Text} {Number} {Ratio} {Flag} {Nothing}", "text", 42, 0.5, true, null)]
    [TestCase("{When:HH:mm} {When:yyyy} {Ratio:P1}", "2024-05-01T12:30:00", 0.25)]
    [TestCase("Elapsed {Elapsed:0.000} ms, {Name,10}|", 12.3456, "right")]
    public void AReadEventRendersItsMessageAsTheOriginalDid(string template, params object?[] values)
    {
        var original = Some.Event(template, [.. values.Select(v => v is string s && DateTime.TryParse(s, out var date) ? date : v)]);

        var read = ClefReader.Read(ClefLine.Text(original));

        Assert.That(read.RenderMessage(), Is.EqualTo(original.RenderMessage()));
    }

    [Test]
    public void ARenderedLineIsStableAfterItsFirstRead()
    {
        var first = ClefLine.Text(ClefReader.Read("""{"@t":"2016-06-07T03:44:57.8532799Z","@m":"Hello, {x}","@i":"7a8b9c0d","@@i":"mine","User":"nblumhardt"}"""));

        var second = ClefLine.Text(ClefReader.Read(first));

        Assert.That(second, Is.EqualTo(first));
    }

    [Test]
    public void RandomEventsAreWrittenAgainToTheSameBytes()
    {
        var random = new Random(1234);
        for (var i = 0; i < 500; i++)
        {
            var logEvent = Some.EventWith(Enumerable.Range(0, random.Next(0, 12))
                .Select(p => new LogEventProperty(RandomValues.Name(random), RandomValues.Value(random, 0))).ToArray());
            var line = ClefLine.Text(logEvent);

            var again = ClefLine.Text(ClefReader.Read(line));

            Assert.That(again, Is.EqualTo(line), $"event {i}");
        }
    }

    static LogEvent EventWithEveryKindOfValue()
    {
        using var activity = new Activity("round-trip").SetIdFormat(ActivityIdFormat.W3C).Start();
        using var log = new TestLogger();
        log.Logger
            .ForContext("@odd", "at-named")
            .ForContext("Dictionary", new Dictionary<string, object?> { ["a"] = 1, ["b"] = null, ["c"] = new[] { 1.5 } }, destructureObjects: true)
            .ForContext("IntKeys", new Dictionary<int, string> { [1] = "one", [2] = "two" })
            .Error(Some.ThrownException(),
                "All {Text} {Int} {Long} {Short} {ULong} {Double:0.00} {Decimal} {Float} {Bool} {Null} {When:yyyy-MM-dd} " +
                "{Offset} {Span} {Id} {Day} {Uri} {Char} {@Customer} {$Stringified} {Sequence} {Nested} {NaN} {NegativeZero} " +
                "{Big} {Huge} {Controls}",
                "text é 😀", 42, long.MaxValue, (short)-3, ulong.MaxValue, Math.PI, 1.10m, 0.1f, true, null, new DateTime(2024, 5, 1, 12, 0, 0, DateTimeKind.Utc),
                Some.Timestamp, TimeSpan.FromSeconds(90.5), Guid.NewGuid(), DayOfWeek.Friday, new Uri("https://example.com/"), 'x',
                new { Name = "Ada", Tags = new[] { "a", "b" }, Address = new { City = "Zürich" } }, new { A = 1 }, new List<int> { 1, 2, 3 },
                new object[] { new[] { 1, 2 }, Array.Empty<string>() }, double.NaN, -0.0, 1e300, decimal.MaxValue, "\u001b[31mred\r\n\t\0");
        return log.Events.Single();
    }
}
