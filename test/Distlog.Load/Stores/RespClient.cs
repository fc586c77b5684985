using System.Buffers;
using System.Buffers.Text;
using System.Globalization;
using System.Net.Sockets;
using System.Text;

namespace Distlog.Load.Stores;

/// <summary>
/// Just enough RESP2 for the harness: pipelined commands (write many, <see cref="Flush"/>, read as many replies)
/// and the replies XADD, XLEN and PING give. The collector's own client is internal to distlogd, so the raw
/// baseline uses this one. Not thread-safe.
/// </summary>
sealed class RespClient : IDisposable
{
    readonly Socket _socket;
    readonly NetworkStream _stream;
    readonly BufferedStream _input;
    readonly ArrayBufferWriter<byte> _output = new(64 * 1024);

    public RespClient(int port)
    {
        _socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        _socket.Connect("127.0.0.1", port);
        _stream = new NetworkStream(_socket, ownsSocket: true);
        _input = new BufferedStream(_stream, 64 * 1024);
    }

    public void BeginCommand(int arguments) => WriteHeader((byte)'*', arguments);

    public void Argument(ReadOnlySpan<byte> value)
    {
        WriteHeader((byte)'$', value.Length);
        _output.Write(value);
        _output.Write("\r\n"u8);
    }

    public void Argument(string value) => Argument(Encoding.UTF8.GetBytes(value));

    public void Argument(long value)
    {
        Span<byte> digits = stackalloc byte[20];
        Utf8Formatter.TryFormat(value, digits, out var length);
        Argument(digits[..length]);
    }

    public void Flush()
    {
        _stream.Write(_output.WrittenSpan);
        _output.ResetWrittenCount();
    }

    /// <summary>Sends one command and returns its integer reply (XLEN, DBSIZE...).</summary>
    public long Integer(params string[] command)
    {
        BeginCommand(command.Length);
        foreach (var argument in command)
            Argument(argument);
        Flush();
        return ReadReply() is long value ? value : throw new InvalidDataException($"{command[0]} did not reply with an integer.");
    }

    /// <summary>Reads one reply: a long, a string, null, or an object[] for arrays. An error reply throws.</summary>
    public object? ReadReply()
    {
        var kind = _input.ReadByte();
        var line = ReadLine();
        switch (kind)
        {
            case '+':
                return line;
            case '-':
                throw new InvalidOperationException($"Redis: {line}");
            case ':':
                return long.Parse(line, CultureInfo.InvariantCulture);
            case '$':
                var length = int.Parse(line, CultureInfo.InvariantCulture);
                if (length < 0)
                    return null;
                var bytes = new byte[length + 2];
                _input.ReadExactly(bytes);
                return Encoding.UTF8.GetString(bytes, 0, length);
            case '*':
                var count = int.Parse(line, CultureInfo.InvariantCulture);
                if (count < 0)
                    return null;
                var items = new object?[count];
                for (var i = 0; i < count; i++)
                    items[i] = ReadReply();
                return items;
            default:
                throw new InvalidDataException(kind < 0 ? "Redis closed the connection." : $"Unexpected RESP type '{(char)kind}'.");
        }
    }

    public void Dispose()
    {
        _input.Dispose();
        _stream.Dispose();
    }

    string ReadLine()
    {
        var line = new StringBuilder();
        int b;
        while ((b = _input.ReadByte()) != '\r')
        {
            if (b < 0)
                throw new InvalidDataException("Redis closed the connection.");
            line.Append((char)b);
        }
        _input.ReadByte(); // '\n'
        return line.ToString();
    }

    void WriteHeader(byte kind, int value)
    {
        var span = _output.GetSpan(16);
        span[0] = kind;
        Utf8Formatter.TryFormat(value, span[1..], out var length);
        span[1 + length] = (byte)'\r';
        span[2 + length] = (byte)'\n';
        _output.Advance(length + 3);
    }
}
