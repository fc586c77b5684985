using System.Diagnostics;

namespace Distlog.Sinks.ZeroMq;

/// <summary>
/// Holds the CLEF lines of queued events packed into 64 KB chunks, which are reused once their lines are sent, so
/// that a deep queue costs neither an object per event nor work for the GC. Not thread-safe:
/// <see cref="BoundedEventQueue"/> appends under its lock and queues each line in the order it was appended.
/// </summary>
sealed class ClefChunks
{
    public const int ChunkSize = 64 * 1024;

    // Enough for a burst's worth of reuse; past that a drained burst's chunks are left to the GC.
    const int FreeChunksKept = 16;

    readonly Stack<byte[]> _free = new();
    byte[]? _current;
    int _used;

    /// <summary>Copies <paramref name="line"/> into the current chunk, or a fresh one where it does not fit.</summary>
    public QueuedEvent Append(ReadOnlySpan<byte> line)
    {
        if (line.Length > ChunkSize)
            return new QueuedEvent(line.ToArray(), 0, line.Length);

        if (_current is null || ChunkSize - _used < line.Length)
        {
            _current = _free.TryPop(out var chunk) ? chunk : new byte[ChunkSize];
            _used = 0;
        }

        line.CopyTo(_current.AsSpan(_used));
        var entry = new QueuedEvent(_current, _used, line.Length);
        _used += line.Length;
        return entry;
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
