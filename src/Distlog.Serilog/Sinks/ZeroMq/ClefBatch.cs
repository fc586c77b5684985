using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Distlog.Clef;
using Serilog.Debugging;
using Serilog.Events;

namespace Distlog.Sinks.ZeroMq;

/// <summary>
/// CLEF events separated by <c>\n</c>, formatted into a reused buffer: the payload of one message, or one event's
/// line formatted on the logging thread.
/// </summary>
sealed class ClefBatch
{
    readonly PayloadBuffer _buffer;
    readonly Utf8JsonWriter _json;

    public ClefBatch(int initialCapacity = PayloadBuffer.DefaultCapacity)
    {
        _buffer = new PayloadBuffer(initialCapacity);
        _json = new Utf8JsonWriter(_buffer, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, SkipValidation = true });
    }

    public int Count { get; private set; }

    public int Bytes => _buffer.Length;

    /// <summary>The size the buffer has grown to.</summary>
    public int Capacity => _buffer.Capacity;

    public ReadOnlySpan<byte> Payload => _buffer.WrittenSpan;

    /// <summary>
    /// Adds one event with the sink's <paramref name="extras"/> where it lacks them; false, leaving the batch as it
    /// was, where the event cannot be formatted or its CLEF is over <paramref name="eventBodyLimitBytes"/>.
    /// </summary>
    public bool TryAdd(LogEvent logEvent, ReadOnlySpan<LogEventProperty> extras, int eventBodyLimitBytes)
    {
        var mark = _buffer.Length;
        try
        {
            StartLine();
            var start = _buffer.Length;
            _json.Reset(_buffer);
            ClefWriter.Write(logEvent, _json, extras);
            _json.Flush();
            if (_buffer.Length - start > eventBodyLimitBytes)
            {
                SelfLog.WriteLine("Distlog sink: an event of {0} bytes is over the event body limit of {1} bytes and was dropped (template: {2})",
                    _buffer.Length - start, eventBodyLimitBytes, logEvent.MessageTemplate.Text);
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

    /// <summary>Adds a line that <see cref="TryAdd"/> formatted earlier, on another batch.</summary>
    public void Add(ReadOnlySpan<byte> line)
    {
        StartLine();
        _buffer.Write(line);
        Count++;
    }

    public void Clear()
    {
        _buffer.Clear();
        Count = 0;
    }

    /// <summary>Separates the next event from the one before it.</summary>
    void StartLine()
    {
        if (Count > 0)
            _buffer.Write((byte)'\n');
    }

    public override string ToString() => Encoding.UTF8.GetString(Payload);
}
