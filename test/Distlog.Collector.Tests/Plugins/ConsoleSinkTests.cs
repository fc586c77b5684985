using Distlog.Collector.Plugins;
using Serilog.Events;
using Serilog.Parsing;

namespace Distlog.Collector.Tests.Plugins;

public sealed class ConsoleSinkTests
{
    [Test]
    public void ALineShowsTimeLevelSystemApplicationTaskKeyAndMessage()
    {
        var output = Write(Event("hello {Name}", ("Name", "world"), ("Application", "orders"), ("TaskKey", "0@abc/1")), 'S');

        Assert.That(output, Is.EqualTo("2024-05-01 12:00:00.123 WRN S orders 0@abc/1 hello \"world\"\n"));
    }

    [Test]
    public void ControlCharactersFromEventsAreMadeVisible()
    {
        var output = Write(Event("{Evil}", ("Evil", "\u001b[2J\rgone"), ("Application", "a\u001b]0;t\u0007")), 'P');

        // Checked by character: culture-aware string comparison ignores control characters.
        Assert.That(output.Where(c => c is '\u001b' or '\r' or '\u0007'), Is.Empty);
        Assert.That(output, Does.Contain("\\x1B[2J\\x0Dgone"));
    }

    private static string Write(LogEvent e, char system)
    {
        using var text = new StringWriter();
        var sink = new ConsoleSink(text);
        var batch = new EventBatch(1);
        batch.Add(e, system);
        sink.EmitBatch(batch);
        return text.ToString();
    }

    private static LogEvent Event(string template, params (string Name, string Value)[] properties) => new(
        new DateTimeOffset(2024, 5, 1, 12, 0, 0, 123, TimeSpan.Zero), LogEventLevel.Warning, null,
        new MessageTemplateParser().Parse(template),
        properties.Select(p => new LogEventProperty(p.Name, new ScalarValue(p.Value))));
}
