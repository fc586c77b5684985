using System.Buffers;
using System.Text;
using System.Text.Json;
using Serilog.Events;
using Serilog.Formatting;

namespace Distlog.Clef;

/// <summary>
/// Formats each event as one CLEF line (see <see cref="ClefWriter"/>) followed by <c>"\n"</c>, e.g. for
/// <c>WriteTo.File(new ClefFormatter(), ...)</c>. Thread-safe: the UTF-8 and character buffers and the
/// <see cref="Utf8JsonWriter"/> are reused per thread, so formatting allocates nothing of its own per event.
/// </summary>
public sealed class ClefFormatter : ITextFormatter
{
    // A buffer that grew past this for one huge event is let go rather than kept by the thread.
    const int MaxRetainedBytes = 64 * 1024;

    [ThreadStatic] static Buffers? _buffers;

    /// <inheritdoc />
    public void Format(LogEvent logEvent, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(logEvent);
        ArgumentNullException.ThrowIfNull(output);

        // Taken out of the slot while in use, so a re-entrant call on this thread gets its own.
        var buffers = _buffers ?? new Buffers();
        _buffers = null;
        try
        {
            buffers.Write(logEvent, output);
        }
        finally
        {
            if (buffers.Capacity <= MaxRetainedBytes)
                _buffers = buffers;
        }
    }

    sealed class Buffers
    {
        readonly ArrayBufferWriter<byte> _bytes = new(1024);
        readonly Utf8JsonWriter _writer;
        char[] _chars = new char[1024];

        public Buffers() => _writer = new Utf8JsonWriter(_bytes, ClefWriter.WriterOptions);

        public int Capacity => _bytes.Capacity;

        public void Write(LogEvent logEvent, TextWriter output)
        {
            _bytes.ResetWrittenCount();
            _writer.Reset();
            ClefWriter.Write(logEvent, _writer);
            _writer.Flush();

            var utf8 = _bytes.WrittenSpan;
            if (_chars.Length < utf8.Length + 1)
                _chars = new char[utf8.Length + 1];
            var length = Encoding.UTF8.GetChars(utf8, _chars);
            _chars[length++] = '\n';
            output.Write(_chars, 0, length);
        }
    }
}
