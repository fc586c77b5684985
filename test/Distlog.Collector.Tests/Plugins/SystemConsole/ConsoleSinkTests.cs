using Distlog.Collector.Plugins;
using Distlog.Collector.Plugins.SystemConsole;
using Serilog.Events;
using Serilog.Parsing;

namespace Distlog.Collector.Tests.Plugins.SystemConsole;

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

    [Test]
    public void WithColourTheTimeLevelAndABoundaryEventsKeyAreColouredAndEventTextStaysEscaped()
    {
        var output = Write(Event("done {Evil}", ("Evil", "\u001b[2J"), ("Application", "orders"), ("TaskKey", "1@abc/1"), ("TaskStatus", "Failed")), 'P', colour: true);

        Assert.That(output, Is.EqualTo(
            "\u001b[90m2024-05-01 12:00:00.123\u001b[0m \u001b[33mWRN\u001b[0m P orders \u001b[31m1@abc/1\u001b[0m done \"\\x1B[2J\"\n"));
    }

    [Test]
    public void TheColourArgumentIsCheckedAtStartUp()
    {
        var settings = Distlog.Collector.Configuration.ConfigLoader.Parse("plugins:\n  - sink: console\n    args: { colour: sometimes }\n", "d.yaml");

        var error = Assert.Throws<Distlog.Collector.Configuration.ConfigException>(() => PluginFactory.Prepare(settings.Plugins[0]))!;

        Assert.That(error.Message, Does.StartWith("d.yaml:3: plugins[0].args.colour: expected ConsoleColourMode"));
    }

    static string Write(LogEvent e, char system, bool colour = false)
    {
        using var text = new StringWriter();
        var sink = new ConsoleSink(text, colour);
        var batch = new EventBatch(1);
        batch.Add(e, system);
        sink.EmitBatch(batch);
        return text.ToString();
    }

    static LogEvent Event(string template, params (string Name, string Value)[] properties) => new(
        new DateTimeOffset(2024, 5, 1, 12, 0, 0, 123, TimeSpan.Zero), LogEventLevel.Warning, null,
        new MessageTemplateParser().Parse(template),
        properties.Select(p => new LogEventProperty(p.Name, new ScalarValue(p.Value))));
}
