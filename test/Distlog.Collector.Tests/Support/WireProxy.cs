using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Distlog.Collector.Tests.Support;

/// <summary>
/// A loopback TCP proxy in front of a MongoDB-wire server that can lose the reply to a write: once
/// <see cref="LoseNextReplyTo"/> names a command, the next such command still reaches the server, but its reply is
/// dropped and that connection closed, as when a network breaks after the server applied the write.
/// </summary>
sealed class WireProxy : IDisposable
{
    const int HeaderSize = 16;
    const int OpMsg = 2013;

    readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    readonly int _serverPort;
    readonly CancellationTokenSource _stop = new();
    string? _loseReplyTo;
    int _lost;

    public WireProxy(int serverPort)
    {
        _serverPort = serverPort;
        _listener.Start();
        _ = AcceptAsync();
    }

    /// <summary>The port clients connect to.</summary>
    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    /// <summary>Replies dropped so far.</summary>
    public int Lost => Volatile.Read(ref _lost);

    /// <summary>Drops the reply to the next <paramref name="command"/> (e.g. <c>insert</c>) and closes its connection.</summary>
    public void LoseNextReplyTo(string command) => Volatile.Write(ref _loseReplyTo, command);

    public void Dispose()
    {
        _stop.Cancel();
        _listener.Stop();
    }

    async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stop.Token);
            }
            catch (Exception ex) when (ex is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }
            _ = RelayAsync(client);
        }
    }

    async Task RelayAsync(TcpClient client)
    {
        using var server = new TcpClient();
        using (client)
        {
            try
            {
                await server.ConnectAsync(IPAddress.Loopback, _serverPort, _stop.Token);
                var doomed = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
                var up = ForwardAsync(client.GetStream(), server.GetStream(), message => Inspect(message, doomed));
                var down = ForwardAsync(server.GetStream(), client.GetStream(), message =>
                    doomed.Task.IsCompleted && ResponseTo(message) == doomed.Task.Result && Lose());
                await Task.WhenAny(up, down);
            }
            catch (Exception ex) when (ex is IOException or SocketException or OperationCanceledException or ObjectDisposedException)
            {
            }
        }
    }

    /// <summary>Copies whole wire messages; stops (closing both ends) where <paramref name="drop"/> says so.</summary>
    async Task ForwardAsync(NetworkStream from, NetworkStream to, Func<byte[], bool> drop)
    {
        var header = new byte[HeaderSize];
        while (true)
        {
            await from.ReadExactlyAsync(header, _stop.Token);
            var length = BinaryPrimitives.ReadInt32LittleEndian(header);
            var message = new byte[length];
            header.CopyTo(message, 0);
            await from.ReadExactlyAsync(message.AsMemory(HeaderSize), _stop.Token);
            if (drop(message))
                return;
            await to.WriteAsync(message, _stop.Token);
        }
    }

    /// <summary>Marks the request whose reply is to be lost; never drops a request.</summary>
    bool Inspect(byte[] message, TaskCompletionSource<int> doomed)
    {
        if (Volatile.Read(ref _loseReplyTo) is { } command && CommandName(message) == command
            && Interlocked.CompareExchange(ref _loseReplyTo, null, command) == command)
            doomed.TrySetResult(BinaryPrimitives.ReadInt32LittleEndian(message.AsSpan(4)));
        return false;
    }

    bool Lose()
    {
        Interlocked.Increment(ref _lost);
        return true;
    }

    static int ResponseTo(byte[] message) => BinaryPrimitives.ReadInt32LittleEndian(message.AsSpan(8));

    /// <summary>An OP_MSG's command: the first field name of its body document (flags, kind 0, then the BSON).</summary>
    static string? CommandName(byte[] message)
    {
        if (BinaryPrimitives.ReadInt32LittleEndian(message.AsSpan(12)) != OpMsg || message.Length < HeaderSize + 4 + 1 + 5 + 1)
            return null;
        var at = HeaderSize + 4;
        if (message[at] != 0)
            return null;
        at += 1 + 4 + 1; // kind, document length, first element's type
        var end = Array.IndexOf(message, (byte)0, at);
        return end < 0 ? null : Encoding.UTF8.GetString(message, at, end - at);
    }
}
