using System.Buffers;
using System.Text.Json;
using Distlog.Clef;
using Serilog.Events;

namespace Distlog.Collector.Plugins;

/// <summary>Formats events as CLEF into one reused buffer. Not thread-safe: one per plugin worker.</summary>
sealed class ClefBuffer : IDisposable
{
    readonly ArrayBufferWriter<byte> _buffer = new(4096);
    readonly Utf8JsonWriter _writer;

    public ClefBuffer() => _writer = new Utf8JsonWriter(_buffer, ClefWriter.WriterOptions);

    /// <summary>The event as one CLEF line, without newline; valid until the next call.</summary>
    public ReadOnlySpan<byte> Format(LogEvent logEvent)
    {
        _buffer.ResetWrittenCount();
        _writer.Reset(_buffer);
        ClefWriter.Write(logEvent, _writer);
        _writer.Flush();
        return _buffer.WrittenSpan;
    }

    /// <summary>Event <paramref name="index"/> of the batch as one CLEF line without newline: the line as received where
    /// it came as CLEF (<see cref="EventBatch.Line"/>), else formatted; valid until the next call.</summary>
    public ReadOnlySpan<byte> Line(EventBatch batch, int index)
    {
        var received = batch.Line(index);
        return received.IsEmpty ? Format(batch.Event(index)) : received;
    }

    public void Dispose() => _writer.Dispose();
}
