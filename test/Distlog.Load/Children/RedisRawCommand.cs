using System.Diagnostics;
using System.Text;
using Distlog.Load.Payloads;
using Distlog.Load.Stores;

namespace Distlog.Load.Children;

/// <summary>
/// <c>redis-raw</c>: the redis plugin's baseline. Writes <c>--events</c> harness payloads to a stream with the
/// plugin's command (<c>XADD key MAXLEN ~ N * clef line</c>), pipelined <c>--batch</c> commands at a time:
/// all written and flushed, then all replies read. <c>--warmup</c> entries go in before READY, untimed.
/// </summary>
static class RedisRawCommand
{
    public static int Run(ChildArguments args)
    {
        var events = args.Int64("events");
        var batch = args.Int32("batch", 1000);
        var key = args.Text("key");
        var keyBytes = Encoding.UTF8.GetBytes(key);
        var maxLength = args.Int64("max-length");
        using var redis = new RespClient(args.Int32("port"));
        var line = new byte[ClefPayload.Length];
        Add(redis, keyBytes, maxLength, line, events, args.Int64("warmup", 0), batch);

        ChildConsole.WriteReady(("pid", Environment.ProcessId));
        ChildConsole.WaitForGo();

        var cpuAtGo = SelfStats.CpuSeconds;
        var first = Stopwatch.GetTimestamp();
        Add(redis, keyBytes, maxLength, line, 0, events, batch);

        ChildConsole.WriteResult(("first", first), ("done", Stopwatch.GetTimestamp()), ("rows", redis.Integer("XLEN", key)),
            ("cpu", SelfStats.CpuSeconds - cpuAtGo), ("rss", SelfStats.PeakRssBytes));
        return 0;
    }

    static void Add(RespClient redis, byte[] key, long maxLength, byte[] line, long firstIndex, long events, int batch)
    {
        for (var i = firstIndex; i < firstIndex + events; i += batch)
        {
            var count = (int)Math.Min(batch, firstIndex + events - i);
            for (var j = 0; j < count; j++)
            {
                ClefPayload.WriteBatch(line, i + j, 1);
                redis.BeginCommand(8);
                redis.Argument("XADD"u8);
                redis.Argument(key);
                redis.Argument("MAXLEN"u8);
                redis.Argument("~"u8);
                redis.Argument(maxLength);
                redis.Argument("*"u8);
                redis.Argument("clef"u8);
                redis.Argument(line);
            }
            redis.Flush();
            for (var j = 0; j < count; j++)
                redis.ReadReply();
        }
    }
}
