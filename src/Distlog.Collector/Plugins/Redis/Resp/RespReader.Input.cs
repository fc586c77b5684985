using System.Buffers;
using System.Buffers.Text;
using System.Net.Sockets;
using System.Text;

namespace Distlog.Collector.Plugins.Redis.Resp;

/// <summary>The reader's input: lines, lengths and bytes from its buffer, which it fills from the stream.</summary>
sealed partial class RespReader
{
    long ReadInteger()
    {
        var line = ReadLine();
        if (!Utf8Parser.TryParse(line, out long value, out var consumed) || consumed != line.Length)
            throw NotResp($"'{Encoding.UTF8.GetString(line)}' is not an integer");

        return value;
    }

    int ReadLength()
    {
        var value = ReadInteger();
        if (value < -1 || value > int.MaxValue)
            throw NotResp($"length {value} is out of range");

        return (int)value;
    }

    void ReadCrLf()
    {
        if (ReadByte() != '\r' || ReadByte() != '\n')
            throw NotResp("a bulk string is not followed by CR LF");
    }

    byte PeekByte()
    {
        if (_position == _end)
            FillEmpty();

        return _buffer[_position];
    }

    byte ReadByte()
    {
        var value = PeekByte();
        _position++;
        return value;
    }

    // The span is valid until the next read.
    ReadOnlySpan<byte> ReadLine()
    {
        var searched = 0;
        while (true)
        {
            var available = _buffer.AsSpan(_position, _end - _position);
            var index = available[searched..].IndexOf("\r\n"u8);
            if (index >= 0)
            {
                index += searched;
                _position += index + 2;
                return available[..index];
            }

            // A CR at the very end may be the first half of the terminator: search again from it.
            searched = Math.Max(0, available.Length - 1);
            MakeRoom();
            Fill();
        }
    }

    void ReadExactly(Span<byte> destination)
    {
        while (destination.Length > 0)
        {
            if (_position == _end)
                FillEmpty();

            var chunk = Math.Min(destination.Length, _end - _position);
            _buffer.AsSpan(_position, chunk).CopyTo(destination);
            _position += chunk;
            destination = destination[chunk..];
        }
    }

    void SkipBytes(int count)
    {
        while (count > 0)
        {
            if (_position == _end)
                FillEmpty();

            var chunk = Math.Min(count, _end - _position);
            _position += chunk;
            count -= chunk;
        }
    }

    // Moves unread bytes to the front, growing the buffer when it is full of one unfinished line.
    void MakeRoom()
    {
        var unread = _end - _position;
        if (unread >= MaxLineLength)
            throw NotResp($"a reply line longer than {MaxLineLength} bytes");

        var target = _buffer;
        if (unread == _buffer.Length)
            target = ArrayPool<byte>.Shared.Rent(_buffer.Length * 2);

        _buffer.AsSpan(_position, unread).CopyTo(target);
        if (!ReferenceEquals(target, _buffer))
        {
            ArrayPool<byte>.Shared.Return(_buffer);
            _buffer = target;
        }

        _position = 0;
        _end = unread;
    }

    void FillEmpty()
    {
        _position = _end = 0;
        Fill();
    }

    void Fill()
    {
        ObjectDisposedException.ThrowIf(_buffer.Length == 0, this);
        int read;
        try
        {
            read = _stream.Read(_buffer, _end, _buffer.Length - _end);
        }
        catch (Exception ex) when (ex is IOException or SocketException)
        {
            throw RedisConnectionException.Lost(_peer, ex);
        }

        if (read == 0)
            throw new RedisConnectionException($"Lost the connection to Redis at {_peer}: the server closed it.");

        _end += read;
    }

    RedisConnectionException NotResp(string reason) =>
        new($"Redis at {_peer} sent a reply that is not RESP2 ({reason}); is something else listening on that port?");
}
