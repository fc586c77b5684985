using System.Text.Json;
using Distlog.Clef;
using Serilog.Events;

namespace Distlog.Collector.Clef;

/// <summary>
/// The pass of <see cref="ClefScanner"/> over one event object: the reserved fields checked as
/// <see cref="ClefEventParser"/> reads them, <c>Application</c> and <c>TaskKey</c> noted (the last of a name wins, as in
/// the event), every other value checked as <see cref="ClefPropertyValueReader"/> would read it (<see cref="ClefValueScan"/>).
/// Returns false to decline; may throw, which also declines.
/// </summary>
ref struct ClefLineScan
{
    // The application seen last on this thread: most lines of a message come from one, and comparing bytes is cheaper
    // than the name cache's lookup.
    [ThreadStatic] static byte[]? _lastApplicationUtf8;
    [ThreadStatic] static string? _lastApplication;

    readonly int _length, _offset;
    Utf8JsonReader _reader;

    ClefLineScan(ReadOnlySpan<byte> json, int offset)
    {
        _length = json.Length;
        _offset = offset;
        var options = new JsonReaderOptions { MaxDepth = ClefReader.MaxDepth + 1 };
        _reader = new Utf8JsonReader(json, isFinalBlock: false, new JsonReaderState(options));
    }

    enum Field { Decline, Property, Timestamp, Text, Level, Exception, TraceId, SpanId, Renderings, EventId, Application, TaskKey }

    public static bool Scan(ReadOnlySpan<byte> json, int offset, out ClefSummary summary) =>
        new ClefLineScan(json, offset).Run(json, out summary);

    bool Run(ReadOnlySpan<byte> json, out ClefSummary summary)
    {
        summary = default;
        Next();
        if (_reader.TokenType != JsonTokenType.StartObject)
            return false;
        DateTimeOffset? timestamp = null;
        var level = LogEventLevel.Information;
        var exception = false;
        string? application = null;
        int taskKeyStart = -1, taskKeyLength = 0;
        Span<byte> name = stackalloc byte[ClefNameCache.MaxLength];
        for (var count = 1; ; count++)
        {
            Next();
            if (_reader.TokenType == JsonTokenType.EndObject)
                break;
            if (count > ClefReader.MaxProperties)
                return false;
            var field = Classify(name);
            Next();
            var valid = field switch
            {
                Field.Timestamp => Timestamp(ref timestamp),
                Field.Text or Field.EventId => NullOrString() || field == Field.EventId && _reader.TokenType == JsonTokenType.Number,
                Field.Level => Level(ref level),
                Field.Exception => Exception(ref exception),
                Field.TraceId => HexId(32),
                Field.SpanId => HexId(16),
                Field.Renderings => Renderings(),
                Field.Application => Application(ref application),
                Field.TaskKey => TaskKey(ref taskKeyStart, ref taskKeyLength),
                Field.Property => ClefValueScan.Value(ref _reader, _length),
                _ => false,
            };
            if (!valid)
                return false;
        }

        if (json[(int)_reader.BytesConsumed..].IndexOfAnyExcept(" \t\r\n"u8) >= 0 || timestamp is not { } at)
            return false;
        summary = new ClefSummary(at, level, application, exception, taskKeyStart, taskKeyLength);
        return true;
    }

    /// <summary>What the member name the reader is on stands for, unescaped as the parser reads it.</summary>
    Field Classify(scoped Span<byte> buffer)
    {
        scoped ReadOnlySpan<byte> name = _reader.ValueSpan;
        if (_reader.ValueIsEscaped)
        {
            if (ClefScanner.HasSurrogateEscape(name))
                return Field.Decline;
            // An escape is at most 6 bytes for 1: a longer escaped name is none of the names below.
            if (name.Length > buffer.Length)
                return Field.Property;
            name = buffer[.._reader.CopyString(buffer)];
        }

        if (name.Length > 1 && name[0] == '@')
        {
            if (name.SequenceEqual("@t"u8)) return Field.Timestamp;
            if (name.SequenceEqual("@mt"u8) || name.SequenceEqual("@m"u8)) return Field.Text;
            if (name.SequenceEqual("@l"u8)) return Field.Level;
            if (name.SequenceEqual("@x"u8)) return Field.Exception;
            if (name.SequenceEqual("@tr"u8)) return Field.TraceId;
            if (name.SequenceEqual("@sp"u8)) return Field.SpanId;
            if (name.SequenceEqual("@r"u8)) return Field.Renderings;
            if (name.SequenceEqual("@i"u8)) return Field.EventId;
            return Field.Property;
        }
        if (name.SequenceEqual("Application"u8)) return Field.Application;
        return name.SequenceEqual("TaskKey"u8) ? Field.TaskKey : Field.Property;
    }

    bool Timestamp(ref DateTimeOffset? timestamp)
    {
        // A null @t counts as absent; an invalid one throws, which declines.
        timestamp = ClefEventFields.Timestamp(ref _reader) ?? timestamp;
        return true;
    }

    bool Exception(ref bool exception)
    {
        exception = _reader.TokenType == JsonTokenType.String;
        return NullOrString();
    }

    bool NullOrString() => _reader.TokenType == JsonTokenType.Null || _reader.TokenType == JsonTokenType.String && ClefValueScan.String(ref _reader);

    bool Level(ref LogEventLevel level)
    {
        if (_reader.TokenType == JsonTokenType.Null)
        {
            level = LogEventLevel.Information;
            return true;
        }
        Span<char> text = stackalloc char[ClefNameCache.MaxLength];
        return _reader.TokenType == JsonTokenType.String && _reader.ValueSpan.Length <= text.Length &&
            ClefLevel.TryParse(text[.._reader.CopyString(text)], out level);
    }

    /// <summary>A W3C id as the parser takes it: unescaped, exactly <paramref name="digits"/> hex digits, not all zero.</summary>
    readonly bool HexId(int digits)
    {
        if (_reader.TokenType == JsonTokenType.Null)
            return true;
        var hex = _reader.ValueSpan;
        return _reader.TokenType == JsonTokenType.String && !_reader.ValueIsEscaped && hex.Length == digits &&
            hex.IndexOfAnyExcept("0123456789abcdefABCDEF"u8) < 0 && hex.IndexOfAnyExcept((byte)'0') >= 0;
    }

    bool Renderings()
    {
        if (_reader.TokenType == JsonTokenType.Null)
            return true;
        if (_reader.TokenType != JsonTokenType.StartArray)
            return false;
        while (true)
        {
            Next();
            if (_reader.TokenType == JsonTokenType.EndArray)
                return true;
            if (_reader.TokenType != JsonTokenType.String || !ClefValueScan.String(ref _reader))
                return false;
        }
    }

    bool Application(ref string? application)
    {
        if (_reader.TokenType != JsonTokenType.String)
        {
            application = null;
            return ClefValueScan.Value(ref _reader, _length);
        }
        var utf8 = _reader.ValueSpan;
        if (!_reader.ValueIsEscaped && _lastApplicationUtf8 is { } last && utf8.SequenceEqual(last))
        {
            application = _lastApplication;
            return true;
        }

        Span<char> text = stackalloc char[ClefNameCache.MaxLength];
        // Interned as names are: the same few applications arrive on every event.
        application = utf8.Length > text.Length ? _reader.GetString() : ClefNameCache.Get(text[.._reader.CopyString(text)]);
        if (!_reader.ValueIsEscaped && utf8.Length <= text.Length)
            (_lastApplicationUtf8, _lastApplication) = (utf8.ToArray(), application);
        return true;
    }

    bool TaskKey(ref int start, ref int length)
    {
        if (_reader.TokenType != JsonTokenType.String)
        {
            start = -1;
            return ClefValueScan.Value(ref _reader, _length);
        }
        // A key is hex, digits, '@', '/' and '-': an escaped one is left to the reader, which builds the event.
        if (_reader.ValueIsEscaped)
            return false;
        start = _offset + (int)_reader.TokenStartIndex + 1;
        length = _reader.ValueSpan.Length;
        return true;
    }

    void Next() => ClefJson.Next(ref _reader, _length);
}
