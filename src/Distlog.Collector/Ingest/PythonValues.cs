using System.Text.Json;
using Distlog.Clef;
using Serilog.Events;
using Serilog.Parsing;

namespace Distlog.Collector.Ingest;

/// <summary>Conversions from the JSON values of a Python LogRecord; wrong types throw <see cref="PythonRecordException"/>.</summary>
static class PythonValues
{
    const double MaxUnixSeconds = 253402300799; // 9999-12-31T23:59:59Z

    public static string String(JsonElement value, string field) => value.ValueKind == JsonValueKind.String
        ? value.GetString()!
        : throw new PythonRecordException($"'{field}' must be a string, found {value.ValueKind}");

    public static long Integer(JsonElement value, string field) => value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out var number)
        ? number
        : throw new PythonRecordException($"'{field}' must be a whole number, found {Describe(value)}");

    public static DateTimeOffset Timestamp(JsonElement? created)
    {
        if (created is not { } value)
            return DateTimeOffset.UtcNow;
        if (value.ValueKind != JsonValueKind.Number || !value.TryGetDouble(out var seconds) || !(seconds >= 0 && seconds <= MaxUnixSeconds))
            throw new PythonRecordException($"'created' must be Unix seconds between 0 and {MaxUnixSeconds}, found {Describe(value)}");
        return DateTimeOffset.UnixEpoch.AddTicks((long)Math.Round(seconds * TimeSpan.TicksPerSecond));
    }

    /// <summary>Python's levels: NOTSET 0, DEBUG 10, INFO 20, WARNING 30, ERROR 40, CRITICAL 50; values between round down.</summary>
    public static LogEventLevel Level(JsonElement? levelno, JsonElement? levelname)
    {
        if (levelno is { } number)
        {
            if (number.ValueKind != JsonValueKind.Number || !number.TryGetDouble(out var n))
                throw new PythonRecordException($"'levelno' must be a number, found {Describe(number)}");
            return n switch
            {
                < 10 => LogEventLevel.Verbose,
                < 20 => LogEventLevel.Debug,
                < 30 => LogEventLevel.Information,
                < 40 => LogEventLevel.Warning,
                < 50 => LogEventLevel.Error,
                _ => LogEventLevel.Fatal,
            };
        }
        if (levelname is not { } name)
            return LogEventLevel.Information;
        return String(name, "levelname").ToUpperInvariant() switch
        {
            "NOTSET" or "TRACE" => LogEventLevel.Verbose,
            "DEBUG" => LogEventLevel.Debug,
            "WARNING" or "WARN" => LogEventLevel.Warning,
            "ERROR" => LogEventLevel.Error,
            "CRITICAL" or "FATAL" => LogEventLevel.Fatal,
            _ => LogEventLevel.Information,
        };
    }

    /// <summary>A template that renders the Python text literally: its braces are escaped in the template text.</summary>
    public static MessageTemplate Template(JsonElement? message)
    {
        var text = message switch
        {
            null => "",
            { ValueKind: JsonValueKind.String } s => s.GetString()!,
            { } other => other.GetRawText(),
        };
        var escaped = text.Replace("{", "{{", StringComparison.Ordinal).Replace("}", "}}", StringComparison.Ordinal);
        return new MessageTemplate(escaped, text.Length == 0 ? [] : [new TextToken(text)]);
    }

    public static LogEventPropertyValue ToPropertyValue(JsonElement value)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.String: return new ScalarValue(value.GetString());
            case JsonValueKind.True: return new ScalarValue(true);
            case JsonValueKind.False: return new ScalarValue(false);
            case JsonValueKind.Null: return new ScalarValue(null);
            case JsonValueKind.Number:
                return value.TryGetInt64(out var whole) ? new ScalarValue(whole)
                    : value.TryGetDecimal(out var exact) ? new ScalarValue(exact)
                    : new ScalarValue(value.GetDouble());
            case JsonValueKind.Array:
                var items = new List<LogEventPropertyValue>(value.GetArrayLength());
                foreach (var item in value.EnumerateArray())
                    items.Add(ToPropertyValue(item));
                return new SequenceValue(items);
            default:
                CheckPropertyCount(value);
                var members = new List<LogEventProperty>();
                foreach (var member in value.EnumerateObject())
                {
                    if (LogEventProperty.IsValidName(member.Name))
                        members.Add(new LogEventProperty(member.Name, ToPropertyValue(member.Value)));
                }
                return new StructureValue(members);
        }
    }

    public static void CheckPropertyCount(JsonElement value)
    {
        var count = 0;
        foreach (var _ in value.EnumerateObject())
        {
            if (++count > ClefReader.MaxProperties)
                throw new PythonRecordException($"an object has more than {ClefReader.MaxProperties} properties");
        }
    }

    static string Describe(JsonElement value) =>
        value.ValueKind is JsonValueKind.Number ? value.GetRawText() : value.ValueKind.ToString();
}
