using System.Diagnostics;

namespace Distlog.Sinks.ZeroMq;

/// <summary>
/// Holds the CLEF lines of queued events packed into 64 KB chunks, which are reused once their lines are sent, so
/// that a deep queue costs neither an object per event nor work for the GC. Each line is stored after its length
/// (<see cref="LengthPrefix"/> bytes), so that a queue entry is just the array: the consumer reads a chunk's lines in
/// the order they were appended, from where it left off. Not thread-safe: <see cref="BoundedEventQueue"/> appends under
/// its lock and queues each line in the order it was appended.
/// </summary>
sealed class ClefChunks
{
    public const int ChunkSize = 64 * 1024;

    /// <summary>The bytes before each line that give its length.</summary>
    public const int LengthPrefix = sizeof(int);

    // Enough for a burst's worth of reuse; past that a drained burst's chunks are left to the GC.
    const int FreeChunksKept = 16;

    readonly Stack<byte[]> _free = new();
    byte[]? _current;
    int _used;

    /// <summary>
    /// Copies <paramref name="line"/>, after its length, into the current chunk, or a fresh one where it does not fit, or
    /// an array of its own where it does not fit a chunk; returns the array, which is what the queue holds.
    /// </summary>
    public byte[] Append(ReadOnlySpan<byte> line)
    {
        var size = LengthPrefix + line.Length;
        if (size > ChunkSize)
        {
            var own = new byte[size];
            Write(own, line);
            return own;
        }

        if (_current is null || ChunkSize - _used < size)
        {
            _current = _free.TryPop(out var chunk) ? chunk : new byte[ChunkSize];
            _used = 0;
        }

        Write(_current.AsSpan(_used), line);
        _used += size;
        return _current;
    }

    /// <summary>
    /// The line at <paramref name="position"/> of <paramref name="array"/> (0 for an array of its own), and moves the
    /// position past it.
    /// </summary>
    public static QueuedEvent Read(byte[] array, ref int position)
    {
        var length = BitConverter.ToInt32(array, position);
        var line = new QueuedEvent(array, position + LengthPrefix, length);
        position += LengthPrefix + length;
        return line;
    }

    static void Write(Span<byte> destination, ReadOnlySpan<byte> line)
    {
        BitConverter.TryWriteBytes(destination, line.Length);
        line.CopyTo(destination[LengthPrefix..]);
    }

    /// <summary>
    /// True for a chunk that holds many lines and is reused; false for the array of its own that a line too large for
    /// a chunk gets, which the GC takes back.
    /// </summary>
    public static bool IsShared(byte[] array) => array.Length == ChunkSize;

    /// <summary>
    /// Takes back a shared chunk whose lines have all been consumed: the consumer met a line of a later chunk, and
    /// lines are queued in the order they were appended, so it is no longer the one being filled.
    /// </summary>
    public void Return(byte[] chunk)
    {
        Debug.Assert(IsShared(chunk) && !ReferenceEquals(chunk, _current));
        if (_free.Count < FreeChunksKept)
            _free.Push(chunk);
    }

    /// <summary>Chunks waiting to be reused (for tests).</summary>
    internal int FreeCount => _free.Count;
}
