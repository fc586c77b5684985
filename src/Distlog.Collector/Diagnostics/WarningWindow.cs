namespace Distlog.Collector.Diagnostics;

/// <summary>
/// At most one warning of a kind per window: the first at once, then one per window that says how many were held back
/// in between. Used by one thread at a time (its owner's, or under its owner's lock).
/// </summary>
sealed class WarningWindow(TimeSpan window)
{
    bool _warned;
    long _warnedAt;
    long _heldBack;

    /// <summary>True where a warning may be written now, with how many were held back since the last one; false, and
    /// counted, where one was written less than the window ago.</summary>
    public bool TryWarn(out long heldBack)
    {
        var now = Environment.TickCount64;
        if (_warned && now - _warnedAt < window.TotalMilliseconds)
        {
            _heldBack++;
            heldBack = 0;
            return false;
        }

        heldBack = _heldBack;
        _heldBack = 0;
        _warned = true;
        _warnedAt = now;
        return true;
    }
}
