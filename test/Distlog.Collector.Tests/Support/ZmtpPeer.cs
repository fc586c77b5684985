using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Distlog.Collector.Tests.Support;

/// <summary>
/// A PUSH peer written by hand on a plain TCP socket (ZMTP 3.0, NULL mechanism), for what a libzmq socket cannot be
/// made to do: reset its connection (<c>SO_LINGER</c> 0), or announce a frame larger than what it then sends. Its
/// address is known, so a test can find it in the collector's log.
/// </summary>
sealed class ZmtpPeer : IDisposable
{
    readonly Socket _socket = new(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);

    /// <summary>Connects to <paramref name="endpoint"/> (<c>tcp://127.0.0.1:PORT</c>) and completes the handshake.</summary>
    public ZmtpPeer(string endpoint)
    {
        _socket.Connect(IPEndPoint.Parse(endpoint["tcp://".Length..]));
        var greeting = new byte[64];
        greeting[0] = 0xFF;
        greeting[9] = 0x7F;
        greeting[10] = 3;
        "NULL"u8.CopyTo(greeting.AsSpan(12));
        _socket.Send(greeting);
        Receive(64);
        var ready = new List<byte> { 5 };
        ready.AddRange("READY"u8.ToArray());
        ready.Add(11);
        ready.AddRange("Socket-Type"u8.ToArray());
        ready.AddRange([0, 0, 0, 4]);
        ready.AddRange("PUSH"u8.ToArray());
        _socket.Send([0x04, (byte)ready.Count, .. ready]);
        // The server's READY command: flags, size, body.
        Receive(Receive(2)[1]);
    }

    /// <summary>This peer's address, as the collector sees it.</summary>
    public IPEndPoint LocalEndPoint => (IPEndPoint)_socket.LocalEndPoint!;

    /// <summary>A two-frame message: topic, payload.</summary>
    public void Send(string topic, string payload)
    {
        Frame(Encoding.ASCII.GetBytes(topic), more: true);
        Frame(Encoding.UTF8.GetBytes(payload), more: false);
    }

    /// <summary>A topic, then a payload frame that announces <paramref name="size"/> bytes and brings <paramref name="sent"/>.</summary>
    public void SendAnnounced(long size, int sent)
    {
        Frame("PLC"u8.ToArray(), more: true);
        var header = new byte[9];
        header[0] = 0x02;
        BinaryPrimitives.WriteInt64BigEndian(header.AsSpan(1), size);
        _socket.Send(header);
        _socket.Send(new byte[sent]);
    }

    /// <summary>Ends the connection with a reset (RST) instead of a close (FIN).</summary>
    public void Reset()
    {
        _socket.LingerState = new LingerOption(true, 0);
        _socket.Close();
    }

    public void Dispose() => _socket.Dispose();

    void Frame(byte[] body, bool more)
    {
        var flags = (byte)(more ? 0x01 : 0x00);
        if (body.Length < 256)
        {
            _socket.Send([flags, (byte)body.Length, .. body]);
            return;
        }
        var header = new byte[9];
        header[0] = (byte)(flags | 0x02);
        BinaryPrimitives.WriteInt64BigEndian(header.AsSpan(1), body.Length);
        _socket.Send([.. header, .. body]);
    }

    byte[] Receive(int count)
    {
        var buffer = new byte[count];
        for (var read = 0; read < count;)
        {
            var n = _socket.Receive(buffer, read, count - read, SocketFlags.None);
            if (n == 0)
                throw new IOException($"the collector closed the connection during the handshake ({read} of {count} bytes read)");
            read += n;
        }
        return buffer;
    }
}
