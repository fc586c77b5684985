using System.Buffers;

namespace Distlog.Sinks.ZeroMq;

/// <summary>A growable byte buffer reused for every message (or line), that can be cut back to a mark.</summary>
sealed class PayloadBuffer(int initialCapacity = PayloadBuffer.DefaultCapacity) : IBufferWriter<byte>
{
    public const int DefaultCapacity = 64 * 1024;

    byte[] _buffer = new byte[initialCapacity];
    int _written;

    public int Length => _written;

    public int Capacity => _buffer.Length;

    public ReadOnlySpan<byte> WrittenSpan => _buffer.AsSpan(0, _written);

    public void Truncate(int length) => _written = Math.Clamp(length, 0, _written);

    public void Clear() => _written = 0;

    public void Write(byte value)
    {
        GetSpan(1)[0] = value;
        _written++;
    }

    public void Advance(int count) => _written += count;

    public Memory<byte> GetMemory(int sizeHint = 0)
    {
        Reserve(sizeHint);
        return _buffer.AsMemory(_written);
    }

    public Span<byte> GetSpan(int sizeHint = 0)
    {
        Reserve(sizeHint);
        return _buffer.AsSpan(_written);
    }

    void Reserve(int sizeHint)
    {
        var needed = _written + Math.Max(sizeHint, 1);
        if (needed > _buffer.Length)
            Array.Resize(ref _buffer, Math.Max(needed, _buffer.Length * 2));
    }
}
