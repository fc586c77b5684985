using Distlog.Collector.Configuration;
using Distlog.Collector.Plugins;
using Distlog.Collector.Tests.Support;
using Serilog.Events;
using Serilog.Parsing;

namespace Distlog.Collector.Tests.Plugins.Generic;

public sealed class WriteToMethodTests
{
    [Test]
    public void SerilogSinksFileIsCalledThroughTheGenericPathWithArgumentsBoundByName()
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
              flushToDiskInterval: 1s
              rollingInterval: Infinite
            """);

        using (var sink = PluginFactory.Prepare(plugin)())
            sink.EmitBatch([Event("first"), Event("second")]);

        Assert.That(File.ReadAllLines(path), Is.EqualTo(new[] { "INF first", "INF second" }));
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
    public void AnArgumentNoOverloadTakesListsTheOverloads()
    {
        var error = Assert.Throws<ConfigException>(() => PluginFactory.Prepare(Plugin("sink: File\nusing: Serilog.Sinks.File\nargs: { path: x, colour: red }")))!;

        Assert.That(error.Message, Does.Contain("no overload of WriteTo.File takes the arguments [path, colour]; overloads, ? marking optional ones: (path, "));
    }

    [Test]
    public void AValueThatDoesNotConvertNamesItsLineAndKey()
    {
        var error = Assert.Throws<ConfigException>(() => PluginFactory.Prepare(Plugin("sink: File\nusing: Serilog.Sinks.File\nargs:\n  path: x\n  buffered: maybe")))!;

        Assert.That(error.Message, Is.EqualTo("test.yaml:6: plugins[0].args.buffered: cannot convert to Boolean: 'maybe' is not true or false"));
    }

    private static PluginSettings Plugin(string yaml) =>
        ConfigLoader.Parse("plugins:\n  - " + yaml.Replace("\n", "\n    "), "test.yaml").Plugins[0];

    private static LogEvent Event(string text) =>
        new(DateTimeOffset.UtcNow, LogEventLevel.Information, null, new MessageTemplateParser().Parse(text), []);
}
