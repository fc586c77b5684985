using System.Collections.Concurrent;
using System.Text;
using Distlog.Transport;

namespace Distlog.Serilog.Tests.Support;

/// <summary>
/// A real PULL socket on a loopback port, receiving two-frame messages on its own thread; and, as distlogd does, a
/// ROUTER control socket that acknowledges every batch that carries a batch id (third frame), unless told not to.
/// </summary>
sealed class PullReceiver : IDisposable
{
    readonly ZmqContext _context = new();
    readonly ConcurrentQueue<(string Topic, string Payload)> _messages = new();
    readonly Thread _thread;
    readonly string _bindEndpoint;
    readonly string _controlBindEndpoint;
    readonly bool _keepMessages;
    readonly bool _acknowledge;
    readonly string? _curveSecretKey;
    volatile bool _stopping;
    volatile bool _paused;
    int _lines, _batchIds, _resent;
    readonly HashSet<string> _seenBatches = [];

    /// <param name="bindEndpoint">Where to bind.</param>
    /// <param name="keepMessages">False to only count lines, for runs of millions of events.</param>
    /// <param name="acknowledge">False to receive batches without acknowledging them.</param>
    /// <param name="controlBindEndpoint">Where the control socket binds.</param>
    /// <param name="curveSecretKey">The secret key of a CURVE server (no ZAP handler: any client with the key is heard); null for none.</param>
    public PullReceiver(string bindEndpoint = "tcp://127.0.0.1:*", bool keepMessages = true, bool acknowledge = true,
        string controlBindEndpoint = "tcp://127.0.0.1:*", string? curveSecretKey = null)
    {
        _bindEndpoint = bindEndpoint;
        _controlBindEndpoint = controlBindEndpoint;
        _keepMessages = keepMessages;
        _acknowledge = acknowledge;
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

    /// <summary>Where the control socket listens: give it to the sink as its control endpoint.</summary>
    public string ControlEndpoint { get; private set; } = "";

    /// <summary>Batches received again after they were kept (their acknowledgement was lost): acknowledged, not kept.</summary>
    public int Resent => Volatile.Read(ref _resent);

    /// <summary>Messages that carried a batch id.</summary>
    public int BatchIds => Volatile.Read(ref _batchIds);

    /// <summary>While true, messages are received but neither kept nor acknowledged (a collector that dies with them).</summary>
    public bool Paused { get => _paused; set => _paused = value; }

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
        using var control = _context.CreateSocket(ZmqSocketType.Router);
        using var message = new ZmqMessage();
        try
        {
            socket.ReceiveTimeout = TimeSpan.FromMilliseconds(50);
            if (_curveSecretKey is not null)
                socket.SetCurveServer(_curveSecretKey);
            socket.Bind(_bindEndpoint);
            Endpoint = socket.LastEndpoint;
            control.RouterHandover = true;
            control.Bind(_controlBindEndpoint);
            ControlEndpoint = control.LastEndpoint;
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

            var payload = message.Data.ToArray();
            byte[]? id = null;
            if (message.More && socket.TryReceive(message))
                id = message.Data.ToArray();
            if (_paused)
                continue;
            if (id is { Length: 32 } && !_seenBatches.Add(Convert.ToHexString(id.AsSpan(0, 24))))
            {
                // As distlogd does: a batch it holds already is acknowledged again, not kept twice.
                Interlocked.Increment(ref _resent);
                if (_acknowledge)
                    Acknowledge(control, id);
                continue;
            }

            Interlocked.Add(ref _lines, payload.Length == 0 ? 0 : payload.AsSpan().Count((byte)'\n') + 1);
            if (_keepMessages)
                _messages.Enqueue((topic, Encoding.UTF8.GetString(payload)));
            if (id is { Length: 32 })
            {
                Interlocked.Increment(ref _batchIds);
                if (_acknowledge)
                    Acknowledge(control, id);
            }
        }
    }

    static void Acknowledge(ZmqSocket control, byte[] id)
    {
        // To the sender (its routing id is the id's first 16 bytes): ACK and the batch's sequence number.
        control.TrySend(id.AsSpan(0, 16), more: true, dontWait: true);
        control.TrySend("ACK"u8, more: true, dontWait: true);
        control.TrySend(id.AsSpan(16, 8), dontWait: true);
    }

    public void Dispose()
    {
        _stopping = true;
        _thread.Join();
        _context.Dispose();
    }
}
