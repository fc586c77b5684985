using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Distlog.Testing;

/// <summary>Reads a redis-server's <c>INFO</c> over a short-lived connection: enough RESP to tell that it is up.</summary>
static class RedisInfo
{
    const int TimeoutMilliseconds = 2000;

    /// <summary>The <c>INFO</c> text of the server on loopback <paramref name="port"/>, after <c>AUTH</c> where a password is given.</summary>
    /// <exception cref="IOException">No answer, or an error reply.</exception>
    /// <exception cref="SocketException">Nothing listens there.</exception>
    public static string Read(int port, string? password)
    {
        using var client = new TcpClient { ReceiveTimeout = TimeoutMilliseconds, SendTimeout = TimeoutMilliseconds };
        client.Connect(IPAddress.Loopback, port);
        using var stream = client.GetStream();
        if (password is not null)
        {
            Send(stream, "AUTH", password);
            Reply(stream);
        }
        Send(stream, "INFO");
        return Reply(stream);
    }

    static void Send(Stream stream, params string[] parts)
    {
        var command = new StringBuilder().Append(CultureInfo.InvariantCulture, $"*{parts.Length}\r\n");
        foreach (var part in parts)
            command.Append(CultureInfo.InvariantCulture, $"${Encoding.UTF8.GetByteCount(part)}\r\n{part}\r\n");
        stream.Write(Encoding.UTF8.GetBytes(command.ToString()));
    }

    static string Reply(Stream stream)
    {
        var line = Line(stream);
        if (line.StartsWith('+'))
            return line[1..];
        if (!line.StartsWith('$'))
            throw new IOException($"redis-server replied '{line}'");

        var body = new byte[int.Parse(line[1..], CultureInfo.InvariantCulture) + 2];
        stream.ReadExactly(body);
        return Encoding.UTF8.GetString(body, 0, body.Length - 2);
    }

    static string Line(Stream stream)
    {
        var line = new StringBuilder();
        for (var b = stream.ReadByte(); b != '\n'; b = stream.ReadByte())
        {
            if (b < 0)
                throw new IOException("redis-server closed the connection");
            if (b != '\r')
                line.Append((char)b);
        }
        return line.ToString();
    }
}
