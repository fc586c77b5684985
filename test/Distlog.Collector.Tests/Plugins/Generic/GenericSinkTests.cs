using Distlog.Collector.Configuration;
using Distlog.Collector.Plugins;
using Distlog.Collector.Tests.Support;
using Serilog.Events;
using Serilog.Parsing;

namespace Distlog.Collector.Tests.Plugins.Generic;

public sealed class GenericSinkTests
{
    [Test]
    public void SerilogSinksFileIsBoundAsAppsettingsJsonWouldBind()
    {
        using var folder = new TempFolder();
        var path = folder.Combine("generic.txt");
        var plugin = Plugin($"""
            sink: File
            using: Serilog.Sinks.File
            args:
              path: {path}
              outputTemplate: "{"{Level:u3}"} {"{Message:lj}"}{"{NewLine}"}"
              fileSizeLimitBytes: null
              flushToDiskInterval: "00:00:01"
              rollingInterval: Infinite
            """);

        using (var sink = PluginFactory.Prepare(plugin)())
            sink.EmitBatch(Batches.Of(Event("first"), Event("second")));

        Assert.That(File.ReadAllLines(path), Is.EqualTo(new[] { "INF first", "INF second" }));
    }

    [Test]
    public void AComplexObjectWithATypeIsConstructedFromItsArguments()
    {
        using var folder = new TempFolder();
        var path = folder.Combine("template.txt");
        var plugin = Plugin($$"""
            sink: File
            using: Serilog.Sinks.File
            args:
              path: {{path}}
              formatter:
                type: "Serilog.Templates.ExpressionTemplate, Serilog.Expressions"
                template: "{@l:u3} {@m} {#if @l = 'Warning'}!{#end}\n"
            """);

        using (var sink = PluginFactory.Prepare(plugin)())
            sink.EmitBatch(Batches.Of(Event("first"), Event("second", LogEventLevel.Warning)));

        Assert.That(File.ReadAllLines(path), Is.EqualTo(new[] { "INF first ", "WRN second !" }));
    }

    [Test]
    public void AComplexObjectAnArrayAndALevelSwitchAreBoundByName()
    {
        var name = Guid.NewGuid().ToString("N");
        var plugin = Plugin($"""
            sink: Recording
            using: Distlog.Collector.Tests
            levelSwitches: {"{ $quiet: Warning }"}
            args:
              name: {name}
              options: {"{ prefix: '>>', width: 20 }"}
              tags: [red, green]
              levelSwitch: $quiet
            """);

        using (var sink = PluginFactory.Prepare(plugin)())
            sink.EmitBatch(Batches.Of(Event("dropped"), Event("kept", LogEventLevel.Error)));

        Assert.That(RecordingSinkExtensions.Received[name], Is.EqualTo(new[] { ">> red green kept   " }));
    }

    [Test]
    public void AnUnknownMethodNamesTheAssembly()
    {
        var error = Assert.Throws<ConfigException>(() => PluginFactory.Prepare(Plugin("sink: Fiel\nusing: Serilog.Sinks.File")))!;

        Assert.That(error.Message, Does.Contain("plugins[0].sink: no WriteTo method 'Fiel' in assembly 'Serilog.Sinks.File'"));
    }

    [Test]
    public void AnUnknownAssemblyIsAnErrorAtUsing()
    {
        var error = Assert.Throws<ConfigException>(() => PluginFactory.Prepare(Plugin("sink: Seq\nusing: Serilog.Sinks.Seq")))!;

        Assert.That(error.Message, Does.Contain("plugins[0].using: assembly 'Serilog.Sinks.Seq' was not found"));
    }

    [Test]
    public void AnUnknownArgumentIsAnErrorAtItsLineListingTheOverloads()
    {
        var error = Assert.Throws<ConfigException>(() => PluginFactory.Prepare(Plugin("sink: File\nusing: Serilog.Sinks.File\nargs:\n  path: x\n  colour: red")))!;

        Assert.That(error.Message, Does.StartWith(
            "test.yaml:6: plugins[0].args.colour: unknown argument 'colour' for WriteTo.File; overloads, ? marking optional ones: (path, restrictedToMinimumLevel?, "));
    }

    [Test]
    public void ArgumentsNoOneOverloadTakesTogetherListTheOverloads()
    {
        var error = Assert.Throws<ConfigException>(() => PluginFactory.Prepare(Plugin("sink: File\nusing: Serilog.Sinks.File\nargs: { path: x, outputTemplate: y, formatter: z }")))!;

        Assert.That(error.Message, Does.Contain("plugins[0].sink: no overload of WriteTo.File takes the arguments [path, outputTemplate, formatter]"));
    }

    [Test]
    public void AValueThatDoesNotBindNamesItsLineAndKey()
    {
        var error = Assert.Throws<ConfigException>(() => PluginFactory.Prepare(Plugin("sink: File\nusing: Serilog.Sinks.File\nargs:\n  path: x\n  buffered: maybe")))!;

        Assert.That(error.Message, Does.StartWith("test.yaml:6: plugins[0].args.buffered: WriteTo.File could not be configured: "));
        Assert.That(error.Message, Does.Contain("'maybe'"));
    }

    [Test]
    public void AComplexObjectWhoseConstructorFailsIsAnErrorAtItsArgument()
    {
        var error = Assert.Throws<ConfigException>(() => PluginFactory.Prepare(Plugin(
            "sink: File\nusing: Serilog.Sinks.File\nargs:\n  path: x\n  formatter:\n    type: \"Serilog.Templates.ExpressionTemplate, Serilog.Expressions\"\n    template: \"{@l\"")))!;

        Assert.That(error.Message, Does.StartWith("test.yaml:6: plugins[0].args.formatter: WriteTo.File could not be configured: Syntax error"));
    }

    [Test]
    public void AnUnknownTypeIsAnErrorAtItsArgument()
    {
        var error = Assert.Throws<ConfigException>(() => PluginFactory.Prepare(Plugin(
            "sink: File\nusing: Serilog.Sinks.File\nargs:\n  path: x\n  formatter:\n    type: \"No.Such.Formatter, Nowhere\"")))!;

        Assert.That(error.Message, Does.StartWith("test.yaml:6: plugins[0].args.formatter: WriteTo.File could not be configured: "));
    }

    [Test]
    public void ABuiltInSinkTakesNoNestedArgument()
    {
        var error = Assert.Throws<ConfigException>(() => Plugin("sink: file\nargs:\n  path: [a, b]"))!;

        Assert.That(error.Message, Is.EqualTo("test.yaml:4: plugins[0].args.path: expected a single value; the built-in sink 'file' takes no nested arguments"));
    }

    [Test]
    public void ALevelSwitchNeedsADollarName()
    {
        var error = Assert.Throws<ConfigException>(() => Plugin("sink: File\nusing: Serilog.Sinks.File\nlevelSwitches: { quiet: Warning }\nargs: { path: x }"))!;

        Assert.That(error.Message, Does.StartWith("test.yaml:4: plugins[0].levelSwitches.quiet: 'quiet' is not a level switch name"));
    }

    static PluginSettings Plugin(string yaml) =>
        ConfigLoader.Parse("plugins:\n  - " + yaml.Replace("\n", "\n    "), "test.yaml").Plugins[0];

    static LogEvent Event(string text, LogEventLevel level = LogEventLevel.Information) =>
        new(DateTimeOffset.UtcNow, level, null, new MessageTemplateParser().Parse(text), []);
}
