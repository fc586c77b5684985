using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using Distlog.Clef;
using Distlog.Tasks;
using Serilog.Events;

namespace Distlog.Collector.Ingest;

/// <summary>
/// Maps one JSON LogRecord of the original Python distlog to a <see cref="LogEvent"/>: <c>levelno</c> to the level,
/// <c>message</c> (else <c>msg</c>) to the text, <c>created</c> to the timestamp, <c>exc_text</c> to the exception,
/// <c>name</c> to <c>SourceContext</c>, <c>hostname</c> to <c>Host</c>, <c>process</c> to <c>ProcessId</c>,
/// <c>context.key</c> to <c>TaskKey</c> and the other <c>context</c> entries to properties.
/// The other LogRecord fields (filename, lineno, thread...) are not kept. Thread-safe.
/// </summary>
static class PythonRecordReader
{
    static readonly JsonReaderOptions Options = new() { MaxDepth = ClefReader.MaxDepth };

    public static bool TryRead(ReadOnlySpan<byte> utf8Json, [NotNullWhen(true)] out LogEvent? logEvent, [NotNullWhen(false)] out string? error)
    {
        logEvent = null;
        try
        {
            var reader = new Utf8JsonReader(utf8Json, Options);
            using var document = JsonDocument.ParseValue(ref reader);
            if (reader.Read())
                throw new PythonRecordException("unexpected content after the JSON object");
            logEvent = Map(document.RootElement);
            error = null;
            return true;
        }
        catch (JsonException ex)
        {
            error = "invalid JSON: " + ex.Message;
        }
        catch (PythonRecordException ex)
        {
            error = ex.Message;
        }
        return false;
    }

    static LogEvent Map(JsonElement record)
    {
        if (record.ValueKind != JsonValueKind.Object)
            throw new PythonRecordException($"expected a JSON object, found {record.ValueKind}");
        PythonValues.CheckPropertyCount(record);

        var properties = new Dictionary<string, LogEventProperty>(StringComparer.Ordinal);
        AddString(record, "name", "SourceContext", properties);
        AddString(record, "hostname", "Host", properties);
        if (Field(record, "process") is { } process)
            Add(properties, "ProcessId", new ScalarValue(PythonValues.Integer(process, "process")));

        if (Field(record, "context") is { } context)
        {
            if (context.ValueKind != JsonValueKind.Object)
                throw new PythonRecordException($"'context' must be an object or null, found {context.ValueKind}");
            PythonValues.CheckPropertyCount(context);
            foreach (var entry in context.EnumerateObject())
            {
                if (entry.NameEquals("key"))
                    Add(properties, TaskProperties.TaskKey, new ScalarValue(PythonValues.String(entry.Value, "context.key")));
                else if (LogEventProperty.IsValidName(entry.Name) && !properties.ContainsKey(entry.Name))
                    Add(properties, entry.Name, PythonValues.ToPropertyValue(entry.Value));
            }
        }

        var exception = Field(record, "exc_text") is { } excText ? new TextException(PythonValues.String(excText, "exc_text")) : null;
        return new LogEvent(
            PythonValues.Timestamp(Field(record, "created")),
            PythonValues.Level(Field(record, "levelno"), Field(record, "levelname")),
            exception,
            PythonValues.Template(Field(record, "message") ?? Field(record, "msg")),
            properties.Values);
    }

    /// <summary>The named field, or null where it is missing or JSON null.</summary>
    static JsonElement? Field(JsonElement record, string name) =>
        record.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null ? value : null;

    static void AddString(JsonElement record, string field, string property, Dictionary<string, LogEventProperty> properties)
    {
        if (Field(record, field) is { } value)
            Add(properties, property, new ScalarValue(PythonValues.String(value, field)));
    }

    static void Add(Dictionary<string, LogEventProperty> properties, string name, LogEventPropertyValue value) =>
        properties[name] = new LogEventProperty(name, value);
}
