namespace Distlog.Load.Harness;

/// <summary>
/// Polls a count of what has arrived (lines on disk, rows, stream entries) until it reaches the expected number,
/// or stops growing for <c>stall</c>: then what is missing has been lost. Bounded in time either way.
/// </summary>
static class Arrival
{
    public static readonly TimeSpan DefaultPoll = TimeSpan.FromMilliseconds(10);

    /// <summary>The moment (<see cref="Clock"/> ticks) the count reached <paramref name="expected"/>, or 0, and the last count.</summary>
    public static (long ReachedAt, long Count) Wait(Func<long> count, long expected, TimeSpan stall, TimeSpan? poll = null)
    {
        var interval = poll ?? DefaultPoll;
        long last = -1, lastChange = Clock.Now;
        while (true)
        {
            var now = count();
            if (now >= expected)
                return (Clock.Now, now);
            if (now != last)
            {
                last = now;
                lastChange = Clock.Now;
            }
            else if (Clock.Seconds(lastChange, Clock.Now) > stall.TotalSeconds)
            {
                return (0, now);
            }
            Thread.Sleep(interval);
        }
    }

    /// <summary>Like <see cref="Wait"/> for several stores at once: when each reached <paramref name="expected"/> (0 if never),
    /// and their last counts. Stops when all are complete, or none grew for <paramref name="stall"/>.</summary>
    public static (long[] ReachedAt, long[] Counts) WaitAll(IReadOnlyList<Func<long>> counts, long expected, TimeSpan stall, TimeSpan poll)
    {
        var reachedAt = new long[counts.Count];
        var last = new long[counts.Count];
        var lastChange = Clock.Now;
        while (true)
        {
            var complete = true;
            for (var i = 0; i < counts.Count; i++)
            {
                if (reachedAt[i] != 0)
                    continue;
                var now = counts[i]();
                if (now != last[i])
                {
                    last[i] = now;
                    lastChange = Clock.Now;
                }
                if (now >= expected)
                    reachedAt[i] = Clock.Now;
                else
                    complete = false;
            }
            if (complete || Clock.Seconds(lastChange, Clock.Now) > stall.TotalSeconds)
                return (reachedAt, last);
            Thread.Sleep(poll);
        }
    }
}
