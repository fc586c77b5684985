namespace Distlog.Collector.Ingest;

/// <summary>
/// Copies accepted CLEF lines out of the reused ZeroMQ message into shared chunks of <see cref="ChunkSize"/> bytes, so
/// each line is copied once, without an allocation of its own, and stays off the large object heap. Every copied line
/// gets the next <see cref="Events.IngestedEvent.Line"/> number. A full chunk is never written again while any event may point
/// into it: it is reused only once <c>isReleased</c> says that nothing holds a line numbered up to its last one, and
/// otherwise left to the GC. Used by the ingest thread only.
/// </summary>
sealed class LineCopier(Func<long, bool>? isReleased = null)
{
    /// <summary>Below the 85,000-byte large object threshold, so chunks that are not reused die young in gen0/gen1.</summary>
    public const int ChunkSize = 64 * 1024;

    // A line longer than this gets an array of its own rather than wasting the rest of a chunk.
    const int OwnArrayAbove = ChunkSize / 8;

    // Full chunks waiting for their lines to be released, oldest first; past this many the oldest is left to the GC,
    // so that a plugin that holds its lines for long (a store that is down) costs allocation, not a growing pool.
    const int RetiredKept = 32;

    readonly Queue<(byte[] Chunk, long LastLine)> _retired = new();
    byte[] _chunk = [];
    int _used;
    long _line;

    /// <summary>The number of the line copied last (1 for the first).</summary>
    public long LastLine => _line;

    /// <summary>Chunks allocated so far (for tests).</summary>
    internal int Allocated { get; private set; }

    /// <summary>A copy of <paramref name="line"/> that stays valid after the message is reused, numbered <see cref="LastLine"/>.</summary>
    public ReadOnlyMemory<byte> Copy(ReadOnlySpan<byte> line)
    {
        _line++;
        if (line.Length > OwnArrayAbove)
            return line.ToArray();
        if (_chunk.Length - _used < line.Length)
            NextChunk();
        var copy = _chunk.AsMemory(_used, line.Length);
        line.CopyTo(copy.Span);
        _used += line.Length;
        return copy;
    }

    void NextChunk()
    {
        if (_chunk.Length > 0 && isReleased is not null)
        {
            // The line just being numbered does not go into this chunk, so the chunk's last line is the one before.
            _retired.Enqueue((_chunk, _line - 1));
            if (_retired.Count > RetiredKept)
                _retired.Dequeue();
        }

        _used = 0;
        if (_retired.TryPeek(out var oldest) && isReleased!(oldest.LastLine))
        {
            _chunk = _retired.Dequeue().Chunk;
            return;
        }
        _chunk = GC.AllocateUninitializedArray<byte>(ChunkSize);
        Allocated++;
    }
}
