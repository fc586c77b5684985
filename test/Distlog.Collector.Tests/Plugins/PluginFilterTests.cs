using Distlog.Collector.Configuration;
using Distlog.Collector.Events;
using Distlog.Collector.Ingest;
using Distlog.Collector.Plugins;
using Distlog.Collector.Tests.Support;
using Serilog.Events;
using Serilog.Parsing;

namespace Distlog.Collector.Tests.Plugins;

public sealed class PluginFilterTests
{
    static readonly FilterSettings Everything = FilterSettings.None with { MinimumLevel = LogEventLevel.Verbose };

    [Test]
    public void AnEmptyFilterPassesEverything() =>
        Assert.That(new PluginFilter(FilterSettings.None).Passes(Event(LogEventLevel.Verbose, 'T', null, null)), Is.True);

    [Test]
    public void MinimumLevelTurnsAwayLowerLevels()
    {
        var filter = new PluginFilter(Everything with { MinimumLevel = LogEventLevel.Warning });

        Assert.That(filter.Passes(Event(LogEventLevel.Information)), Is.False);
        Assert.That(filter.Passes(Event(LogEventLevel.Warning)), Is.True);
        Assert.That(filter.Passes(Event(LogEventLevel.Fatal)), Is.True);
    }

    [Test]
    public void ApplicationMatchesAnyListedNameExactly()
    {
        var filter = new PluginFilter(Everything with { Applications = ["orders", "billing"] });

        Assert.That(filter.Passes(Event(application: "billing")), Is.True);
        Assert.That(filter.Passes(Event(application: "Orders")), Is.False);
        Assert.That(filter.Passes(Event(application: null)), Is.False);
    }

    [Test]
    public void SystemMatchesTheTopicLetterThatIsNotAProperty()
    {
        var filter = new PluginFilter(Everything with { Systems = "ST" });

        Assert.That(filter.Passes(Event(system: 'S')), Is.True);
        Assert.That(filter.Passes(Event(system: 'P')), Is.False);
    }

    [Test]
    public void TaskMatchesTheRootOfTheTaskKey()
    {
        var filter = new PluginFilter(Everything with { Tasks = [Some.Root] });

        Assert.That(filter.Passes(Event(taskKey: $"3@{Some.Root}/1/2")), Is.True);
        Assert.That(filter.Passes(Event(taskKey: $"0@{Some.Root}")), Is.True);
        Assert.That(filter.Passes(Event(taskKey: "0@0af7651916cd43dd8448eb211c80319c")), Is.False);
        Assert.That(filter.Passes(Event(taskKey: null)), Is.False);
    }

    [Test]
    public void LinesDecodedWithoutTheirEventsAreFilteredByLevelApplicationAndTask()
    {
        var events = new List<IngestedEvent>();
        new MessageDecoder(new RejectionReporter(new IngestCounters(), Serilog.Core.Logger.None)).Decode("PLC"u8, System.Text.Encoding.UTF8.GetBytes(
            string.Join("\n", Some.ClefLine(1, "Error", "orders", $"3@{Some.Root}/1"), Some.ClefLine(2, "Debug", "orders", $"0@{Some.Root}"),
                Some.ClefLine(3, "Fatal", "billing", $"0@{Some.Root}"), Some.ClefLine(4, "Error", "orders", "0@0af7651916cd43dd8448eb211c80319c"))), events);
        var filter = new PluginFilter(Everything with { MinimumLevel = LogEventLevel.Warning, Applications = ["orders"], Tasks = [Some.Root] });

        Assert.That(events.Select(e => e.Built), Is.All.Null);
        Assert.That(events.Select(e => filter.Passes(e)), Is.EqualTo(new[] { true, false, false, false }));
    }

    [Test]
    public void AnExpressionPassesOnlyTheEventsItIsTrueOf()
    {
        var filter = new PluginFilter(Everything with { Expression = "@l = 'Error' and StartsWith(TaskKey, '3@')" });

        Assert.That(filter.Passes(Event(LogEventLevel.Error, taskKey: $"3@{Some.Root}/1")), Is.True);
        Assert.That(filter.Passes(Event(LogEventLevel.Warning, taskKey: $"3@{Some.Root}/1")), Is.False);
        Assert.That(filter.Passes(Event(LogEventLevel.Error, taskKey: $"4@{Some.Root}/1")), Is.False);
        Assert.That(filter.Passes(Event(LogEventLevel.Error, taskKey: null)), Is.False);
    }

    [Test]
    public void AnExpressionReadsTheEventOfALineIngestDidNotBuild()
    {
        var events = new List<IngestedEvent>();
        new MessageDecoder(new RejectionReporter(new IngestCounters(), Serilog.Core.Logger.None)).Decode("PLC"u8, System.Text.Encoding.UTF8.GetBytes(
            string.Join("\n", Some.ClefLine(1, "Error", "orders"), Some.ClefLine(2, "Error", "billing"), Some.ClefLine(3, null, "orders"))), events);
        var filter = new PluginFilter(Everything with { Expression = "@l = 'Error' and Application = 'orders' and N < 3" });

        Assert.That(events.Select(e => e.Built), Is.All.Null);
        Assert.That(events.Select(e => filter.Passes(e)), Is.EqualTo(new[] { true, false, false }));
    }

    [Test]
    public void TheFixedFilterStillAppliesBesideAnExpression()
    {
        var filter = new PluginFilter(Everything with { Applications = ["orders"], Expression = "true" });

        Assert.That(filter.Passes(Event(application: "orders")), Is.True);
        Assert.That(filter.Passes(Event(application: "billing")), Is.False);
    }

    static IngestedEvent Event(LogEventLevel level = LogEventLevel.Information, char system = 'P', string? application = "orders", string? taskKey = null)
    {
        var properties = new List<LogEventProperty>();
        if (application is not null)
            properties.Add(new LogEventProperty("Application", new ScalarValue(application)));
        if (taskKey is not null)
            properties.Add(new LogEventProperty("TaskKey", new ScalarValue(taskKey)));
        return new IngestedEvent(new LogEvent(DateTimeOffset.UtcNow, level, null, new MessageTemplateParser().Parse("m"), properties), system);
    }
}
