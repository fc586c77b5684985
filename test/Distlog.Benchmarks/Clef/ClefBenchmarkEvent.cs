using System.Buffers;
using System.Text.Json;
using Distlog.Clef;
using Serilog.Events;
using Serilog.Parsing;

namespace Distlog.Benchmarks.Clef;

/// <summary>
/// A realistic event inside a task: a templated message with three values, the task key, and the properties the
/// sink adds (application, host, process id) — 8 properties, 290 bytes of CLEF.
/// </summary>
static class ClefBenchmarkEvent
{
    public static LogEvent Create()
    {
        var template = new MessageTemplateParser().Parse("Stored row {Row} for {Customer} in {Elapsed} ms");
        return new LogEvent(
            new DateTimeOffset(2024, 5, 1, 12, 30, 45, TimeSpan.Zero).AddTicks(1234567),
            LogEventLevel.Information,
            null,
            template,
            [
                new LogEventProperty("Row", new ScalarValue(42)),
                new LogEventProperty("Customer", new ScalarValue("ACME")),
                new LogEventProperty("Elapsed", new ScalarValue(1.25)),
                new LogEventProperty("TaskKey", new ScalarValue("3@4bf92f3577b34da6a3ce929d0e0e4736/1/2")),
                new LogEventProperty("SourceContext", new ScalarValue("Orders.Import")),
                new LogEventProperty("Application", new ScalarValue("orders")),
                new LogEventProperty("Host", new ScalarValue("web-01")),
                new LogEventProperty("ProcessId", new ScalarValue(4242)),
            ]);
    }

    public static byte[] Line()
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, ClefWriter.WriterOptions))
            ClefWriter.Write(Create(), writer);
        return buffer.WrittenSpan.ToArray();
    }
}
