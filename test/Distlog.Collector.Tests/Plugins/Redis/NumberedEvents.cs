using Distlog.Clef;
using Distlog.Collector.Plugins;
using Distlog.Collector.Tests.Support;
using Serilog.Events;
using Serilog.Parsing;

namespace Distlog.Collector.Tests.Plugins.Redis;

/// <summary>Events "Event {Number}" numbered in order, and reading the number back from a CLEF line.</summary>
static class NumberedEvents
{
    static readonly MessageTemplate Template = new MessageTemplateParser().Parse("Event {Number} of {Name}");
    static readonly DateTimeOffset Start = new(2025, 1, 2, 3, 4, 5, TimeSpan.Zero);

    public static EventBatch Create(int count, int first = 0) => Batches.Of(Events(count, first));

    public static LogEvent[] Events(int count, int first = 0)
    {
        var events = new LogEvent[count];
        for (var i = 0; i < count; i++)
        {
            var number = first + i;
            events[i] = new LogEvent(
                Start.AddMilliseconds(number), LogEventLevel.Information, null, Template,
                [new LogEventProperty("Number", new ScalarValue(number)), new LogEventProperty("Name", new ScalarValue("Grüße 🌍"))]);
        }

        return events;
    }

    public static int NumberOf(byte[] clefLine)
    {
        Assert.That(clefLine, Does.Not.Contain((byte)'\n'));
        var logEvent = ClefReader.Read(clefLine);
        Assert.That(logEvent.Properties["Name"].ToString(), Is.EqualTo("\"Grüße 🌍\""));
        return int.Parse(logEvent.Properties["Number"].ToString(), System.Globalization.CultureInfo.InvariantCulture);
    }

    public static int[] Range(int count, int first = 0) => Enumerable.Range(first, count).ToArray();
}
