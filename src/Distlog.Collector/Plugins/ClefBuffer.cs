using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Distlog.Clef;
using Serilog.Events;

namespace Distlog.Collector.Plugins;

/// <summary>Formats events as CLEF into one reused buffer. Not thread-safe: one per plugin worker.</summary>
internal sealed class ClefBuffer : IDisposable
{
    private static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private readonly ArrayBufferWriter<byte> _buffer = new(4096);
    private readonly Utf8JsonWriter _writer;

    public ClefBuffer() => _writer = new Utf8JsonWriter(_buffer, Options);

    /// <summary>The event as one CLEF line, without newline; valid until the next call.</summary>
    public ReadOnlySpan<byte> Format(LogEvent logEvent)
    {
        _buffer.ResetWrittenCount();
        _writer.Reset(_buffer);
        ClefWriter.Write(logEvent, _writer);
        _writer.Flush();
        return _buffer.WrittenSpan;
    }

    public string FormatString(LogEvent logEvent) => Encoding.UTF8.GetString(Format(logEvent));

    public void Dispose() => _writer.Dispose();
}
