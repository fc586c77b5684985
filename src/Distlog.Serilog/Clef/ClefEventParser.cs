using System.Diagnostics;
using System.Text.Json;
using Serilog.Events;

namespace Distlog.Clef;

/// <summary>
/// Reads the fields of one CLEF event object. Reserved fields: <c>@t</c> (required), <c>@mt</c>, <c>@m</c>
/// (used as the template, braces escaped, only when there is no <c>@mt</c>), <c>@l</c>, <c>@x</c>, <c>@i</c>,
/// <c>@r</c>, <c>@tr</c>, <c>@sp</c>; a null reserved field counts as absent. <c>@@name</c> is the property
/// <c>@name</c>; another unknown <c>@</c> field is kept as a property of that name, as
/// Serilog.Formatting.Compact.Reader does.
/// </summary>
ref struct ClefEventParser
{
    readonly ClefReadScratch _scratch;
    readonly int _length;
    Utf8JsonReader _reader;
    DateTimeOffset? _timestamp;
    MessageTemplate? _template;
    string? _message, _exception, _eventIdText;
    LogEventPropertyValue? _eventIdNumber;
    LogEventLevel _level;
    ActivityTraceId _traceId;
    ActivitySpanId _spanId;
    bool _hasRenderings;

    ClefEventParser(ReadOnlySpan<byte> json, ClefReadScratch scratch)
    {
        _scratch = scratch;
        _length = json.Length;
        _level = LogEventLevel.Information;
        var options = new JsonReaderOptions { MaxDepth = ClefReader.MaxDepth + 1 };
        _reader = new Utf8JsonReader(json, isFinalBlock: false, new JsonReaderState(options));
    }

    public static LogEvent Parse(ReadOnlySpan<byte> json, ClefReadScratch scratch, out long position)
    {
        var parser = new ClefEventParser(json, scratch);
        try
        {
            return parser.Parse(json);
        }
        finally
        {
            position = parser._reader.TokenStartIndex;
        }
    }

    LogEvent Parse(ReadOnlySpan<byte> json)
    {
        Next();
        if (_reader.TokenType != JsonTokenType.StartObject)
            throw new ClefFormatException("not a JSON object");
        var properties = _scratch.Properties(0);
        Span<char> name = stackalloc char[ClefNameCache.MaxLength];
        for (var count = 1; ; count++)
        {
            Next();
            if (_reader.TokenType == JsonTokenType.EndObject)
                break;
            if (count > ClefReader.MaxProperties)
                throw new ClefFormatException($"more than {ClefReader.MaxProperties} properties");
            var property = ReadField(name);
            if (property != null)
                properties.Add(property);
        }

        var rest = json[(int)_reader.BytesConsumed..];
        var extra = rest.IndexOfAnyExcept(" \t\r\n"u8);
        if (extra >= 0)
            throw new ClefFormatException($"unexpected text after the JSON object at byte {_reader.BytesConsumed + extra}");
        return Build(properties);
    }

    LogEventProperty? ReadField(scoped Span<char> buffer)
    {
        string? name = null;
        scoped ReadOnlySpan<char> text;
        if (_reader.ValueSpan.Length <= buffer.Length)
            text = buffer[.._reader.CopyString(buffer)];
        else
            text = name = _reader.GetString()!;
        Next();
        if (text.Length > 1 && text[0] == '@')
        {
            switch (text)
            {
                case "@t": _timestamp = ClefEventFields.Timestamp(ref _reader) ?? _timestamp; return null;
                case "@mt": _template = ClefEventFields.Template(ref _reader) ?? _template; return null;
                case "@m": _message = ClefEventFields.String(ref _reader, "@m"); return null;
                case "@l": _level = ClefEventFields.Level(ref _reader); return null;
                case "@x": _exception = ClefEventFields.String(ref _reader, "@x"); return null;
                case "@tr": _traceId = ClefEventFields.TraceId(ref _reader); return null;
                case "@sp": _spanId = ClefEventFields.SpanId(ref _reader); return null;
                case "@r": _hasRenderings = ClefEventFields.Renderings(ref _reader, _scratch.Renderings, _length); return null;
                case "@i": ReadEventId(); return null;
            }

            if (text[1] == '@')
                text = text[1..];
            name = null;
        }

        name ??= ClefNameCache.Get(text);
        if (!LogEventProperty.IsValidName(name))
            name = ClefEventFields.UnnamedProperty;
        return new LogEventProperty(name, ClefPropertyValueReader.Read(ref _reader, _scratch, _length));
    }

    void ReadEventId()
    {
        if (_reader.TokenType == JsonTokenType.Number)
            _eventIdNumber = ClefNumber.Read(ref _reader);
        else
            _eventIdText = ClefEventFields.String(ref _reader, "@i");
    }

    LogEvent Build(List<LogEventProperty> properties)
    {
        if (_timestamp is not { } timestamp)
            throw new ClefFormatException("missing @t");
        var template = _template ?? ClefTemplateCache.Parse(_message == null ? "" : ClefEventFields.EscapeTemplate(_message));
        if (_hasRenderings)
            ClefEventFields.AttachRenderings(template, _scratch.Renderings, properties);

        // @i is derived from the template; one that does not match was set by another writer and is kept.
        if (_eventIdText != null && !EventIdHash.Matches(EventIdHash.Compute(template.Text), _eventIdText))
            properties.Add(new LogEventProperty("@i", new ScalarValue(_eventIdText)));
        else if (_eventIdNumber != null)
            properties.Add(new LogEventProperty("@i", _eventIdNumber));

        var exception = _exception == null ? null : new TextException(_exception);
        var logEvent = LogEventAssembly.Create(timestamp, _level, exception, template, properties, _traceId, _spanId);
        ClefReadScratch.Release(properties);
        return logEvent;
    }

    void Next() => ClefJson.Next(ref _reader, _length);
}
