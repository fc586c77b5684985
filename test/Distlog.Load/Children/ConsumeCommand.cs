using System.Diagnostics;
using Distlog.Transport;

namespace Distlog.Load.Children;

/// <summary>
/// <c>consume</c>: the raw ceiling's receiver. Binds a PULL socket on a free loopback port, reports it, and receives
/// until <c>--events</c> events arrived (a payload frame of n lines is n events; the topic frame is skipped), or
/// nothing arrived for <c>--stall-ms</c>. Writes WARM once the first <c>--warmup</c> of them arrived; reports the
/// time of the last event.
/// </summary>
static class ConsumeCommand
{
    static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(50);

    public static int Run(ChildArguments args)
    {
        var expected = args.Int64("events");
        var warmup = args.Int64("warmup", 0);
        var stall = TimeSpan.FromMilliseconds(args.Int64("stall-ms", 10_000));
        using var context = new ZmqContext();
        using var socket = context.CreateSocket(ZmqSocketType.Pull);
        socket.ReceiveTimeout = PollInterval;
        socket.Bind("tcp://127.0.0.1:*");
        using var message = new ZmqMessage();

        ChildConsole.WriteReady(("endpoint", socket.LastEndpoint), ("pid", Environment.ProcessId));
        var cpuAtStart = SelfStats.CpuSeconds;
        long received = 0, messages = 0, first = 0, last = Stopwatch.GetTimestamp();
        while (received < expected && Stopwatch.GetElapsedTime(last) < stall)
        {
            if (!socket.TryReceive(message))
                continue;
            if (message.More)
                continue; // the topic frame
            if (first == 0)
                first = Stopwatch.GetTimestamp();
            messages++;
            var before = received;
            received += message.Data.Count((byte)'\n') + 1;
            if (before < warmup && received >= warmup)
            {
                ChildConsole.WriteWarm();
                cpuAtStart = SelfStats.CpuSeconds;
            }
            last = Stopwatch.GetTimestamp();
        }

        ChildConsole.WriteResult(("received", received), ("messages", messages), ("first", first), ("last", last),
            ("cpu", SelfStats.CpuSeconds - cpuAtStart), ("rss", SelfStats.PeakRssBytes));
        return received == expected ? 0 : 1;
    }
}
