using System.Diagnostics;
using Distlog.Load.Payloads;
using Distlog.Transport;

namespace Distlog.Load.Children;

/// <summary>
/// <c>produce</c>: connects a PUSH socket and sends <c>--events</c> pre-formatted CLEF events, <c>--per-message</c>
/// to a message, as distlog's two frames (topic <c>PLC</c>, payload) or, with <c>--frames 1</c>, the payload alone
/// (for rsyslog's imczmq, which makes every frame a message). Blocking sends: the receiver's pace is the limit.
/// Before READY it sends <c>--warmup</c> events (the indexes after the measured ones), so that the receiver's
/// JIT and buffers are warm when the measured events start at GO. With <c>--server-key</c> and <c>--certificate</c> it
/// speaks CURVE.
/// </summary>
static class ProduceCommand
{
    static readonly TimeSpan FlushLinger = TimeSpan.FromSeconds(120);

    public static int Run(ChildArguments args)
    {
        var events = args.Int64("events");
        var perMessage = args.Int32("per-message", 1);
        var withTopic = args.Int32("frames", 2) == 2;
        var firstIndex = args.Int64("first", 0);

        var context = new ZmqContext();
        var socket = context.CreateSocket(ZmqSocketType.Push);
        ZmqCurveClient.Load(args.Text("server-key", ""), args.Text("certificate", ""))?.ApplyTo(socket);
        socket.Connect(args.Text("endpoint"));
        var payload = new byte[perMessage * (ClefPayload.Length + 1)];
        Send(socket, payload, firstIndex + events, args.Int64("warmup", 0), perMessage, withTopic);

        ChildConsole.WriteReady(("pid", Environment.ProcessId));
        ChildConsole.WaitForGo();

        var cpuAtGo = SelfStats.CpuSeconds;
        var first = Stopwatch.GetTimestamp();
        Send(socket, payload, firstIndex, events, perMessage, withTopic);
        var sent = Stopwatch.GetTimestamp();

        // Closing the socket, then the context, waits (up to the linger) until libzmq has passed every message on.
        socket.Linger = FlushLinger;
        socket.Dispose();
        context.Dispose();
        ChildConsole.WriteResult(("first", first), ("sent", sent), ("flushed", Stopwatch.GetTimestamp()),
            ("cpu", SelfStats.CpuSeconds - cpuAtGo), ("rss", SelfStats.PeakRssBytes));
        return 0;
    }

    static void Send(ZmqSocket socket, byte[] payload, long firstIndex, long events, int perMessage, bool withTopic)
    {
        for (long i = 0; i < events; i += perMessage)
        {
            var count = (int)Math.Min(perMessage, events - i);
            var length = ClefPayload.WriteBatch(payload, firstIndex + i, count);
            if (withTopic)
                socket.Send("PLC"u8, more: true);
            socket.Send(payload.AsSpan(0, length));
        }
    }
}
