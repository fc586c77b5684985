using System.Buffers;
using System.Buffers.Text;
using System.Net.Sockets;
using System.Text;

namespace Distlog.Collector.Plugins.Redis.Resp;

/// <summary>
/// Encodes commands as RESP arrays of bulk strings straight into a pooled buffer, and sends the buffer on
/// <see cref="Flush"/>: write N commands, flush once, then read N replies (pipelining).
/// Not thread-safe: one owner.
/// </summary>
sealed class RespWriter : IDisposable
{
    const int InitialBufferSize = 16 * 1024;

    // Once this much is buffered the writer sends it before growing further, so a long pipeline goes out in
    // chunks rather than one huge buffer. Redis queues the replies meanwhile, so reading them after the last
    // flush is still safe.
    const int FlushThreshold = 64 * 1024;

    // '*' or '$', up to 10 digits of an int, CR LF.
    const int MaxHeaderLength = 13;

    readonly Stream _stream;
    readonly string _peer;
    byte[] _buffer;
    int _count;

    /// <summary>Creates a writer that sends to <paramref name="stream"/>; <paramref name="peer"/> names the server in errors.</summary>
    public RespWriter(Stream stream, string peer)
    {
        _stream = stream;
        _peer = peer;
        _buffer = ArrayPool<byte>.Shared.Rent(InitialBufferSize);
    }

    /// <summary>Bytes encoded but not sent yet.</summary>
    public int BufferedBytes => _count;

    /// <summary>Encodes one command whose arguments are all text (sent as UTF-8).</summary>
    public void WriteCommand(params ReadOnlySpan<string> arguments)
    {
        WriteArrayHeader(arguments.Length);
        foreach (var argument in arguments)
            WriteArgument(argument);
    }

    /// <summary>Starts a command of <paramref name="argumentCount"/> arguments (the command name included); write them next.</summary>
    public void WriteArrayHeader(int argumentCount)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(argumentCount);
        WriteHeader((byte)'*', argumentCount);
    }

    /// <summary>Encodes one argument as a bulk string, byte for byte (binary-safe).</summary>
    public void WriteArgument(ReadOnlySpan<byte> value)
    {
        WriteHeader((byte)'$', value.Length);
        var span = Reserve(value.Length + 2);
        value.CopyTo(span);
        span[value.Length] = (byte)'\r';
        span[value.Length + 1] = (byte)'\n';
        _count += value.Length + 2;
    }

    /// <summary>Encodes one argument as a UTF-8 bulk string, without an intermediate string or array.</summary>
    public void WriteArgument(ReadOnlySpan<char> value)
    {
        var length = Encoding.UTF8.GetByteCount(value);
        WriteHeader((byte)'$', length);
        var span = Reserve(length + 2);
        Encoding.UTF8.GetBytes(value, span);
        span[length] = (byte)'\r';
        span[length + 1] = (byte)'\n';
        _count += length + 2;
    }

    /// <summary>Encodes one argument as the decimal digits of <paramref name="value"/>.</summary>
    public void WriteArgument(long value)
    {
        Span<byte> digits = stackalloc byte[20];
        Utf8Formatter.TryFormat(value, digits, out var written);
        WriteArgument(digits[..written]);
    }

    /// <summary>Sends everything encoded so far.</summary>
    /// <exception cref="RedisConnectionException">The connection failed; what was buffered is discarded.</exception>
    public void Flush()
    {
        if (_count == 0)
            return;

        try
        {
            _stream.Write(_buffer, 0, _count);
        }
        catch (Exception ex) when (ex is IOException or SocketException)
        {
            throw RedisConnectionException.Lost(_peer, ex);
        }
        finally
        {
            _count = 0;
        }
    }

    /// <summary>Returns the buffer to the pool. Idempotent.</summary>
    public void Dispose()
    {
        var buffer = _buffer;
        _buffer = [];
        _count = 0;
        if (buffer.Length > 0)
            ArrayPool<byte>.Shared.Return(buffer);
    }

    void WriteHeader(byte prefix, int length)
    {
        var span = Reserve(MaxHeaderLength);
        span[0] = prefix;
        Utf8Formatter.TryFormat(length, span[1..], out var written);
        span[written + 1] = (byte)'\r';
        span[written + 2] = (byte)'\n';
        _count += written + 3;
    }

    Span<byte> Reserve(int size)
    {
        if (_buffer.Length - _count < size)
        {
            if (_count >= FlushThreshold)
                Flush();
            if (_buffer.Length - _count < size)
                Grow(size);
        }

        return _buffer.AsSpan(_count);
    }

    void Grow(int size)
    {
        ObjectDisposedException.ThrowIf(_buffer.Length == 0, this);
        var larger = ArrayPool<byte>.Shared.Rent(Math.Max(_buffer.Length * 2, _count + size));
        _buffer.AsSpan(0, _count).CopyTo(larger);
        ArrayPool<byte>.Shared.Return(_buffer);
        _buffer = larger;
    }
}
