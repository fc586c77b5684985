namespace Distlog.Collector.Ingest;

/// <summary>
/// Copies accepted CLEF lines out of the reused ZeroMQ message into shared chunks of <see cref="ChunkSize"/> bytes, so
/// each line is copied once, without an allocation of its own, and stays off the large object heap. A chunk is never
/// written again once handed out: it lives until the last event that points into it is gone. Used by the ingest thread only.
/// </summary>
internal sealed class LineCopier
{
    /// <summary>Below the 85,000-byte large object threshold, so chunks die young in gen0/gen1.</summary>
    public const int ChunkSize = 64 * 1024;

    // A line longer than this gets an array of its own rather than wasting the rest of a chunk.
    private const int OwnArrayAbove = ChunkSize / 8;

    private byte[] _chunk = [];
    private int _used;

    /// <summary>A copy of <paramref name="line"/> that stays valid after the message is reused.</summary>
    public ReadOnlyMemory<byte> Copy(ReadOnlySpan<byte> line)
    {
        if (line.Length > OwnArrayAbove)
            return line.ToArray();
        if (_chunk.Length - _used < line.Length)
        {
            _chunk = GC.AllocateUninitializedArray<byte>(ChunkSize);
            _used = 0;
        }
        var copy = _chunk.AsMemory(_used, line.Length);
        line.CopyTo(copy.Span);
        _used += line.Length;
        return copy;
    }
}
