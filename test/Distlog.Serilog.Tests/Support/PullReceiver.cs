using System.Collections.Concurrent;
using System.Text;
using Distlog.Transport;

namespace Distlog.Serilog.Tests.Support;

/// <summary>A real PULL socket on a loopback port, receiving two-frame messages on its own thread.</summary>
sealed class PullReceiver : IDisposable
{
    readonly ZmqContext _context = new();
    readonly ConcurrentQueue<(string Topic, string Payload)> _messages = new();
    readonly Thread _thread;
    readonly string _bindEndpoint;
    readonly bool _keepMessages;
    readonly string? _curveSecretKey;
    volatile bool _stopping;
    int _lines;

    /// <param name="bindEndpoint">Where to bind.</param>
    /// <param name="keepMessages">False to only count lines, for runs of millions of events.</param>
    /// <param name="curveSecretKey">The secret key of a CURVE server (no ZAP handler: any client with the key is heard); null for none.</param>
    public PullReceiver(string bindEndpoint = "tcp://127.0.0.1:*", bool keepMessages = true, string? curveSecretKey = null)
    {
        _bindEndpoint = bindEndpoint;
        _keepMessages = keepMessages;
        _curveSecretKey = curveSecretKey;
        using var ready = new ManualResetEventSlim();
        Exception? failure = null;
        _thread = new Thread(() => Receive(ready, e => failure = e)) { IsBackground = true, Name = "PullReceiver" };
        _thread.Start();
        ready.Wait();
        if (failure != null)
            throw failure;
    }

    public string Endpoint { get; private set; } = "";

    public IReadOnlyList<(string Topic, string Payload)> Messages => [.. _messages];

    /// <summary>All CLEF lines received, in order.</summary>
    public IReadOnlyList<string> Lines => Messages.SelectMany(m => m.Payload.Split('\n')).ToList();

    public int LineCount => Volatile.Read(ref _lines);

    /// <summary>Waits until at least <paramref name="lines"/> lines have arrived; false on timeout.</summary>
    public bool WaitForLines(int lines, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (LineCount < lines && DateTime.UtcNow < deadline)
            Thread.Sleep(10);
        return LineCount >= lines;
    }

    void Receive(ManualResetEventSlim ready, Action<Exception> fail)
    {
        using var socket = _context.CreateSocket(ZmqSocketType.Pull);
        using var message = new ZmqMessage();
        try
        {
            socket.ReceiveTimeout = TimeSpan.FromMilliseconds(50);
            if (_curveSecretKey is not null)
                socket.SetCurveServer(_curveSecretKey);
            socket.Bind(_bindEndpoint);
            Endpoint = socket.LastEndpoint;
        }
        catch (Exception ex)
        {
            fail(ex);
            ready.Set();
            return;
        }
        ready.Set();

        while (!_stopping)
        {
            if (!socket.TryReceive(message))
                continue;
            var topic = Encoding.UTF8.GetString(message.Data);
            if (!message.More || !socket.TryReceive(message))
            {
                _messages.Enqueue((topic, ""));
                continue;
            }

            Interlocked.Add(ref _lines, message.Data.Length == 0 ? 0 : message.Data.Count((byte)'\n') + 1);
            if (_keepMessages)
                _messages.Enqueue((topic, Encoding.UTF8.GetString(message.Data)));
        }
    }

    public void Dispose()
    {
        _stopping = true;
        _thread.Join();
        _context.Dispose();
    }
}
