using Microsoft.Win32.SafeHandles;

namespace Distlog.Collector.Journal;

/// <summary>
/// A journal segment opened for reading: records at explicit offsets, each checked against its CRC-32C. The file may be
/// written (or deleted) meanwhile: readers only read up to a limit the writer has published. Not thread-safe.
/// </summary>
sealed class SegmentFile : IDisposable
{
    /// <summary>No record body is larger: a length beyond it is corruption, not a reason to allocate.</summary>
    public const int MaxBody = 256 * 1024 * 1024;

    readonly SafeFileHandle _handle;

    public SegmentFile(JournalSegment segment)
    {
        Segment = segment;
        _handle = File.OpenHandle(segment.Path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
    }

    public JournalSegment Segment { get; }

    public long Length => RandomAccess.GetLength(_handle);

    /// <summary>
    /// Reads the record at <paramref name="offset"/>, whose bytes must end at or before <paramref name="limit"/>; the body
    /// is in <paramref name="buffer"/> (grown where needed) from 0 to <paramref name="bodyLength"/>.
    /// </summary>
    public ReadResult TryRead(long offset, long limit, ref byte[] buffer, out RecordHeader header, out int bodyLength)
    {
        header = default;
        bodyLength = 0;
        if (offset >= limit)
            return ReadResult.End;
        if (limit - offset < RecordHeader.PrefixSize)
            return ReadResult.Torn;

        Span<byte> prefix = stackalloc byte[RecordHeader.PrefixSize];
        if (RandomAccess.Read(_handle, prefix, offset) < prefix.Length)
            return ReadResult.Torn;
        if (!RecordHeader.TryReadPrefix(prefix, MaxBody, out bodyLength, out var crc))
            return ReadResult.Corrupt;
        if (limit - offset - RecordHeader.PrefixSize < bodyLength)
            return ReadResult.Torn;

        if (buffer.Length < bodyLength)
            buffer = new byte[Math.Max(bodyLength, buffer.Length * 2)];
        var body = buffer.AsSpan(0, bodyLength);
        if (RandomAccess.Read(_handle, body, offset + RecordHeader.PrefixSize) < bodyLength)
            return ReadResult.Torn;
        return Crc32C.Of(body) == crc && RecordHeader.TryRead(body, out header) ? ReadResult.Record : ReadResult.Corrupt;
    }

    /// <summary>The offset of the next good record after <paramref name="from"/>, or <paramref name="limit"/> where there is none.</summary>
    public long Resync(long from, long limit, ref byte[] buffer)
    {
        Span<byte> magic = stackalloc byte[4];
        BitConverter.TryWriteBytes(magic, RecordHeader.Magic);
        var window = new byte[64 * 1024];
        for (var at = from + 1; at < limit;)
        {
            var read = RandomAccess.Read(_handle, window.AsSpan(0, (int)Math.Min(window.Length, limit - at)), at);
            if (read < magic.Length)
                break;
            var found = window.AsSpan(0, read).IndexOf(magic);
            if (found < 0)
            {
                at += read - magic.Length + 1;
                continue;
            }
            if (TryRead(at + found, limit, ref buffer, out _, out _) == ReadResult.Record)
                return at + found;
            at += found + 1;
        }
        return limit;
    }

    public void Dispose() => _handle.Dispose();
}
