using System.Buffers;
using System.Buffers.Text;
using System.Net.Sockets;
using System.Text;

namespace Distlog.Collector.Plugins.Redis.Resp;

/// <summary>
/// Parses RESP2 replies from a stream: simple strings, errors, integers, bulk strings, (nested) arrays and nulls.
/// Not thread-safe: one owner.
/// </summary>
sealed partial class RespReader : IDisposable
{
    const int InitialBufferSize = 16 * 1024;

    // A status or error line longer than this is not Redis talking.
    const int MaxLineLength = 1024 * 1024;

    // Redis nests arrays a few levels deep at most (XRANGE: 3); a deeper reply is a broken stream.
    const int MaxDepth = 32;

    readonly Stream _stream;
    readonly string _peer;
    byte[] _buffer;
    int _position;
    int _end;

    /// <summary>Creates a reader of <paramref name="stream"/>; <paramref name="peer"/> names the server in errors.</summary>
    public RespReader(Stream stream, string peer)
    {
        _stream = stream;
        _peer = peer;
        _buffer = ArrayPool<byte>.Shared.Rent(InitialBufferSize);
    }

    /// <summary>Reads one reply. An error reply is returned as a value of kind <see cref="RespKind.Error"/>, not thrown.</summary>
    /// <exception cref="RedisConnectionException">The connection failed, timed out, or the bytes are not RESP.</exception>
    public RespValue Read() => Read(0);

    /// <summary>Reads one reply and discards it, allocating nothing unless it is an error.</summary>
    /// <returns>The error message of an error reply; null for any other reply.</returns>
    /// <exception cref="RedisConnectionException">The connection failed, timed out, or the bytes are not RESP.</exception>
    public string? Skip()
    {
        if (PeekByte() == '-')
            return Read(0).Text;

        Skip(0);
        return null;
    }

    /// <summary>Reads an array reply (what <c>EXEC</c> returns: the replies of the queued commands) and discards its items,
    /// allocating nothing unless one is an error.</summary>
    /// <param name="firstError">The message of the first error item; null where none is.</param>
    /// <returns>The number of items that are errors.</returns>
    /// <exception cref="RedisServerException">The reply is an error rather than an array (<c>EXECABORT</c>).</exception>
    /// <exception cref="RedisConnectionException">The connection failed, timed out, or the bytes are not RESP (or not an array).</exception>
    public int SkipItems(out string? firstError)
    {
        firstError = null;
        if (PeekByte() == '-')
            throw new RedisServerException(Read(0).Text!);
        if (ReadByte() != '*')
            throw NotResp("expected an array reply");

        var errors = 0;
        var count = ReadLength();
        for (var i = 0; i < count; i++)
        {
            if (Skip() is not { } error)
                continue;
            errors++;
            firstError ??= error;
        }
        return errors;
    }

    /// <summary>Returns the buffer to the pool. Idempotent.</summary>
    public void Dispose()
    {
        var buffer = _buffer;
        _buffer = [];
        _position = _end = 0;
        if (buffer.Length > 0)
            ArrayPool<byte>.Shared.Return(buffer);
    }

    RespValue Read(int depth)
    {
        var type = ReadByte();
        switch (type)
        {
            case (byte)'+':
                return RespValue.SimpleString(Encoding.UTF8.GetString(ReadLine()));
            case (byte)'-':
                return RespValue.Error(Encoding.UTF8.GetString(ReadLine()));
            case (byte)':':
                return RespValue.FromInteger(ReadInteger());
            case (byte)'$':
                {
                    var length = ReadLength();
                    if (length < 0)
                        return RespValue.Null;

                    var bytes = new byte[length];
                    ReadExactly(bytes);
                    ReadCrLf();
                    return RespValue.BulkString(bytes);
                }
            case (byte)'*':
                {
                    var count = ReadLength();
                    if (count < 0)
                        return RespValue.Null;

                    CheckDepth(depth);
                    var items = new RespValue[count];
                    for (var i = 0; i < count; i++)
                        items[i] = Read(depth + 1);
                    return RespValue.Array(items);
                }
            default:
                throw NotResp($"unexpected reply type byte 0x{type:X2}");
        }
    }

    void Skip(int depth)
    {
        var type = ReadByte();
        switch (type)
        {
            case (byte)'+' or (byte)'-':
                ReadLine();
                break;
            case (byte)':':
                ReadInteger();
                break;
            case (byte)'$':
                {
                    var length = ReadLength();
                    if (length >= 0)
                    {
                        SkipBytes(length);
                        ReadCrLf();
                    }

                    break;
                }
            case (byte)'*':
                {
                    var count = ReadLength();
                    CheckDepth(depth);
                    for (var i = 0; i < count; i++)
                        Skip(depth + 1);
                    break;
                }
            default:
                throw NotResp($"unexpected reply type byte 0x{type:X2}");
        }
    }

    void CheckDepth(int depth)
    {
        if (depth >= MaxDepth)
            throw NotResp($"arrays nested deeper than {MaxDepth} levels");
    }
}
