using System.Diagnostics;
using Distlog.Clef;
using Serilog.Events;
using Serilog.Parsing;

namespace Distlog.Serilog.Tests.Clef;

/// <summary>The reader builds its events around a presized dictionary through Serilog's internal constructor.</summary>
sealed class LogEventAssemblyTests
{
    [Test]
    public void AnEventBuiltAroundAPresizedDictionaryEqualsOneBuiltThePublicWay()
    {
        var template = new MessageTemplateParser().Parse("Stored {Row} for {Customer}");
        List<LogEventProperty> properties =
        [
            new("Row", new ScalarValue(1)), new("Customer", new ScalarValue("ACME")), new("Row", new ScalarValue(2)),
        ];
        var traceId = ActivityTraceId.CreateRandom();
        var spanId = ActivitySpanId.CreateRandom();

        var built = LogEventAssembly.Create(Support.Some.Timestamp, LogEventLevel.Warning, null, template, properties, traceId, spanId);
        var expected = new LogEvent(Support.Some.Timestamp, LogEventLevel.Warning, null, template, properties, traceId, spanId);

        Assert.That(LogEventAssembly.UsesPresizedDictionary, Is.True, "Serilog 3.1.1 has the internal constructor; a Serilog upgrade may not");
        Assert.That(built.Properties.ToDictionary(p => p.Key, p => p.Value.ToString()),
            Is.EqualTo(expected.Properties.ToDictionary(p => p.Key, p => p.Value.ToString())), "the last of a repeated name wins, as before");
        Assert.That(built.RenderMessage(), Is.EqualTo(expected.RenderMessage()));
        Assert.That((built.TraceId, built.SpanId, built.Level, built.Timestamp), Is.EqualTo((expected.TraceId, expected.SpanId, expected.Level, expected.Timestamp)));
    }
}
