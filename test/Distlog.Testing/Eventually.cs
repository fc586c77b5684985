namespace Distlog.Testing;

/// <summary>Waiting on a condition instead of sleeping a fixed time: what a test waits for, not for how long.</summary>
public static class Eventually
{
    /// <summary>How long <see cref="Holds"/> waits where no timeout is given.</summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(30);

    /// <summary>Checks <paramref name="condition"/> every 50 ms until it holds or <paramref name="timeout"/> passes.</summary>
    /// <returns>Whether it held in time.</returns>
    public static bool Holds(Func<bool> condition, TimeSpan? timeout = null)
    {
        var limit = timeout ?? DefaultTimeout;
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (!condition())
        {
            if (clock.Elapsed > limit)
                return false;
            Thread.Sleep(50);
        }
        return true;
    }
}
