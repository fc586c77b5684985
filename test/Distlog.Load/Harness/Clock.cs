using System.Diagnostics;

namespace Distlog.Load.Harness;

/// <summary>Stopwatch ticks, which on Linux are CLOCK_MONOTONIC readings that every process on the machine shares.</summary>
static class Clock
{
    public static long Now => Stopwatch.GetTimestamp();

    public static double Seconds(long from, long to) => (double)(to - from) / Stopwatch.Frequency;

    public static double Rate(long events, long from, long to) => events / Math.Max(Seconds(from, to), 1e-9);
}
