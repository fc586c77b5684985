namespace Distlog.Transport;

/// <summary>Converts between <see cref="TimeSpan"/> and libzmq's milliseconds, where -1 means infinite.</summary>
static class ZmqTimeouts
{
    /// <summary>Milliseconds for libzmq: <see cref="Timeout.InfiniteTimeSpan"/> gives -1; other negatives are refused.</summary>
    public static int ToMilliseconds(TimeSpan value, string parameterName)
    {
        if (value == Timeout.InfiniteTimeSpan)
        {
            return -1;
        }

        if (value < TimeSpan.Zero || value.TotalMilliseconds > int.MaxValue)
        {
            throw new ArgumentOutOfRangeException(parameterName, value,
                "A timeout is zero or more milliseconds (up to int.MaxValue), or Timeout.InfiniteTimeSpan.");
        }

        // Round up, so that a short positive timeout does not become "do not wait".
        return (int)Math.Ceiling(value.TotalMilliseconds);
    }

    /// <summary>The <see cref="TimeSpan"/> for libzmq milliseconds; -1 gives <see cref="Timeout.InfiniteTimeSpan"/>.</summary>
    public static TimeSpan FromMilliseconds(int milliseconds) =>
        milliseconds < 0 ? Timeout.InfiniteTimeSpan : TimeSpan.FromMilliseconds(milliseconds);
}
