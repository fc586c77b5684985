using System.Text;

namespace Distlog.Cli.Tests.Support;

/// <summary>A write-only memory stream that one thread writes and a test reads while it runs.</summary>
sealed class SharedStream : Stream
{
    readonly MemoryStream _inner = new();
    readonly Lock _gate = new();

    public string Text()
    {
        lock (_gate)
            return Encoding.UTF8.GetString(_inner.ToArray());
    }

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        lock (_gate)
            _inner.Write(buffer);
    }

    public override void Flush()
    {
    }

    public override bool CanRead => false;
    public override bool CanSeek => false;
    public override bool CanWrite => true;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
}
