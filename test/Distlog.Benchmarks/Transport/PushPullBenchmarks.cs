using BenchmarkDotNet.Attributes;
using Distlog.Transport;

namespace Distlog.Benchmarks.Transport;

/// <summary>
/// Events per second through PUSH -> PULL over tcp loopback in one process: 220-byte CLEF-sized events, sent one per
/// message or batched 100 per message (joined by '\n', as the sink does). A second thread drains the PULL; each
/// invocation ends when all its messages have arrived.
/// </summary>
[MemoryDiagnoser]
public class PushPullBenchmarks
{
    const int EventsPerInvoke = 10_000;
    const int EventBytes = 220;

    ZmqContext _context = null!;
    ZmqSocket _push = null!;
    ZmqSocket _pull = null!;
    Thread _receiver = null!;
    byte[] _payload = null!;
    long _received;
    volatile bool _stopping;

    [Params(1, 100)]
    public int EventsPerMessage { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _payload = new byte[EventsPerMessage * EventBytes];
        Array.Fill(_payload, (byte)'x');
        for (int i = EventBytes - 1; i < _payload.Length - 1; i += EventBytes)
        {
            _payload[i] = (byte)'\n';
        }

        _context = new ZmqContext();
        _pull = _context.CreateSocket(ZmqSocketType.Pull);
        _pull.ReceiveTimeout = TimeSpan.FromMilliseconds(100);
        _pull.Bind("tcp://127.0.0.1:*");
        _push = _context.CreateSocket(ZmqSocketType.Push);
        _push.Connect(_pull.LastEndpoint);
        _receiver = new Thread(Drain) { IsBackground = true, Name = "PULL drain" };
        _receiver.Start();
    }

    [Benchmark(OperationsPerInvoke = EventsPerInvoke)]
    public void SendEvents()
    {
        int messages = EventsPerInvoke / EventsPerMessage;
        long target = Volatile.Read(ref _received) + messages;
        for (int i = 0; i < messages; i++)
        {
            _push.Send("PLC"u8, more: true);
            _push.Send(_payload);
        }

        var spin = new SpinWait();
        while (Volatile.Read(ref _received) < target)
        {
            spin.SpinOnce();
        }
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _stopping = true;
        _receiver.Join();
        _push.Dispose();
        _pull.Dispose();
        _context.Dispose();
    }

    void Drain()
    {
        using var message = new ZmqMessage();
        while (!_stopping)
        {
            if (_pull.TryReceive(message) && !message.More)
            {
                Interlocked.Increment(ref _received);
            }
        }
    }
}
