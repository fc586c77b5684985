using System.Buffers;
using System.Text.Json;
using Distlog.Clef;
using Serilog.Debugging;
using Serilog.Events;

namespace Distlog.Collector.Plugins.Redis;

/// <summary>
/// Gathers a batch of events as CLEF lines (as received, or formatted), back to back in one reused pooled buffer; line <c>i</c> is
/// <c>this[i]</c> until the next <see cref="Clear"/>. Not thread-safe.
/// </summary>
sealed class ClefLineBuffer : IBufferWriter<byte>, IDisposable
{
    const int InitialSize = 64 * 1024;

    readonly List<int> _ends = [];
    readonly Utf8JsonWriter _json;
    byte[] _buffer = ArrayPool<byte>.Shared.Rent(InitialSize);
    int _written;

    /// <summary>Creates an empty buffer.</summary>
    public ClefLineBuffer() => _json = new Utf8JsonWriter(this, ClefWriter.WriterOptions);

    /// <summary>Lines held.</summary>
    public int Count => _ends.Count;

    /// <summary>Line <paramref name="index"/>, UTF-8, without a newline.</summary>
    public ReadOnlySpan<byte> this[int index]
    {
        get
        {
            var start = index == 0 ? 0 : _ends[index - 1];
            return _buffer.AsSpan(start, _ends[index] - start);
        }
    }

    /// <summary>Forgets every line, keeping the buffer.</summary>
    public void Clear()
    {
        _written = 0;
        _ends.Clear();
    }

    /// <summary>Appends event <paramref name="index"/>'s CLEF line: the line as received (<see cref="EventBatch.Line"/>),
    /// else formatted.</summary>
    /// <returns>False where the event cannot be formatted: it is skipped and reported through <see cref="SelfLog"/>.</returns>
    public bool TryAdd(EventBatch batch, int index)
    {
        var received = batch.Line(index);
        if (received.IsEmpty)
            return TryAdd(batch.Event(index));
        received.CopyTo(GetSpan(received.Length));
        Advance(received.Length);
        _ends.Add(_written);
        return true;
    }

    /// <summary>Appends the event's CLEF line.</summary>
    /// <returns>False where the event cannot be formatted: it is skipped and reported through <see cref="SelfLog"/>.</returns>
    public bool TryAdd(LogEvent logEvent)
    {
        var start = _written;
        try
        {
            _json.Reset(this);
            ClefWriter.Write(logEvent, _json);
            _json.Flush();
            _ends.Add(_written);
            return true;
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // Formatting fails the same way on every retry, so holding the batch back for it would stall the plugin.
            _json.Reset(this);
            _written = start;
            SelfLog.WriteLine("The redis plugin skips an event it cannot write as CLEF: {0}", ex);
            return false;
        }
    }

    /// <inheritdoc />
    public void Advance(int count) => _written += count;

    /// <inheritdoc />
    public Memory<byte> GetMemory(int sizeHint = 0)
    {
        Reserve(sizeHint);
        return _buffer.AsMemory(_written);
    }

    /// <inheritdoc />
    public Span<byte> GetSpan(int sizeHint = 0)
    {
        Reserve(sizeHint);
        return _buffer.AsSpan(_written);
    }

    /// <summary>Returns the buffer to the pool. Idempotent.</summary>
    public void Dispose()
    {
        _json.Dispose();
        var buffer = _buffer;
        _buffer = [];
        Clear();
        if (buffer.Length > 0)
            ArrayPool<byte>.Shared.Return(buffer);
    }

    void Reserve(int sizeHint)
    {
        var size = Math.Max(sizeHint, 256);
        if (_buffer.Length - _written < size)
        {
            ObjectDisposedException.ThrowIf(_buffer.Length == 0, this);
            var larger = ArrayPool<byte>.Shared.Rent(Math.Max(_buffer.Length * 2, _written + size));
            _buffer.AsSpan(0, _written).CopyTo(larger);
            ArrayPool<byte>.Shared.Return(_buffer);
            _buffer = larger;
        }
    }
}
