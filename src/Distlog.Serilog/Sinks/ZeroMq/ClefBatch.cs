using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Distlog.Clef;
using Serilog.Debugging;
using Serilog.Events;

namespace Distlog.Sinks.ZeroMq;

/// <summary>The payload of one message: CLEF events separated by <c>\n</c>, formatted into a reused buffer.</summary>
sealed class ClefBatch
{
    readonly PayloadBuffer _buffer = new();
    readonly Utf8JsonWriter _json;
    readonly LogEventProperty[] _extras;
    readonly int _eventBodyLimitBytes;

    public ClefBatch(LogEventProperty[] extras, int eventBodyLimitBytes)
    {
        _extras = extras;
        _eventBodyLimitBytes = eventBodyLimitBytes;
        _json = new Utf8JsonWriter(_buffer, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, SkipValidation = true });
    }

    public int Count { get; private set; }

    public int Bytes => _buffer.Length;

    public ReadOnlySpan<byte> Payload => _buffer.WrittenSpan;

    /// <summary>
    /// Adds one event; false, leaving the batch as it was, where the event cannot be formatted or its CLEF is
    /// over the event body limit.
    /// </summary>
    public bool TryAdd(LogEvent logEvent)
    {
        var mark = _buffer.Length;
        try
        {
            if (Count > 0)
                _buffer.Write((byte)'\n');
            var start = _buffer.Length;
            _json.Reset(_buffer);
            ClefWriter.Write(logEvent, _json, _extras);
            _json.Flush();
            if (_buffer.Length - start > _eventBodyLimitBytes)
            {
                SelfLog.WriteLine("Distlog sink: an event of {0} bytes is over the event body limit of {1} bytes and was dropped (template: {2})",
                    _buffer.Length - start, _eventBodyLimitBytes, logEvent.MessageTemplate.Text);
                _buffer.Truncate(mark);
                return false;
            }
            Count++;
            return true;
        }
        catch (Exception ex)
        {
            _buffer.Truncate(mark);
            SelfLog.WriteLine("Distlog sink: an event could not be written as CLEF and was dropped: {0}", ex);
            return false;
        }
    }

    public void Clear()
    {
        _buffer.Clear();
        Count = 0;
    }

    public override string ToString() => Encoding.UTF8.GetString(Payload);
}
