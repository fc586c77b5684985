namespace Distlog.Cli.Input;

/// <summary>
/// Splits a stream into lines of bytes, as CLEF is stored: UTF-8, one event per line, <c>\n</c> or <c>\r\n</c>.
/// The bytes are handed on unchanged, so <c>send</c> and <c>print --format clef</c> forward what they read.
/// Not thread-safe.
/// </summary>
sealed class ClefLineReader
{
    /// <summary>The longest line kept: the collector's default message limit. Longer lines are reported as too long.</summary>
    public const int DefaultMaxLineBytes = 4 * 1024 * 1024;

    const int ReadSize = 64 * 1024;

    readonly Stream _stream;
    readonly int _maxLineBytes;

    /// <summary>Reads lines from <paramref name="stream"/>; the caller owns and disposes the stream.</summary>
    public ClefLineReader(Stream stream, int maxLineBytes = DefaultMaxLineBytes)
    {
        _stream = stream;
        _maxLineBytes = maxLineBytes;
    }

    /// <summary>The lines of the stream in order, each a fresh array the caller may keep.</summary>
    public IEnumerable<ClefLine> ReadLines()
    {
        var buffer = new byte[ReadSize];
        var line = new MemoryStream();
        long number = 0;
        var tooLong = false;
        int read;
        while ((read = _stream.Read(buffer, 0, buffer.Length)) > 0)
        {
            var chunk = buffer.AsMemory(0, read);
            while (!chunk.IsEmpty)
            {
                var end = chunk.Span.IndexOf((byte)'\n');
                var part = end < 0 ? chunk : chunk[..end];
                if (!tooLong && line.Length + part.Length > _maxLineBytes)
                    tooLong = true;
                if (!tooLong)
                    line.Write(part.Span);
                if (end < 0)
                    break;

                yield return Complete(++number, line, tooLong);
                line.SetLength(0);
                tooLong = false;
                chunk = chunk[(end + 1)..];
            }
        }

        if (line.Length > 0 || tooLong)
            yield return Complete(++number, line, tooLong);
    }

    static ClefLine Complete(long number, MemoryStream line, bool tooLong)
    {
        ReadOnlySpan<byte> bytes = line.GetBuffer().AsSpan(0, (int)line.Length);
        if (number == 1 && bytes.StartsWith("\uFEFF"u8))
            bytes = bytes[3..];
        if (bytes.EndsWith("\r"u8))
            bytes = bytes[..^1];
        return new ClefLine(number, bytes.ToArray(), tooLong);
    }
}
