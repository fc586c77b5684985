using System.Collections.Concurrent;
using Distlog.Collector.Diagnostics;
using Serilog;

namespace Distlog.Collector.Security;

/// <summary>
/// Peer addresses whose subscriptions passed a bound of the <see cref="Plugins.Publish.SubscriptionGuard"/>, refused at the handshake
/// for a while (the <see cref="Security.ZapHandler"/> asks <see cref="Refuses"/>): a SUB socket reconnects at once and
/// sends every subscription again, so ending its connections alone would let it fill libzmq's subscription trie over
/// and over. The first bar lasts <see cref="FirstBar"/>, each one within <see cref="Memory"/> of the last twice as long,
/// up to <see cref="LongestBar"/>. Refusals are counted and logged at most once per <see cref="ReportWindow"/>.
/// Thread-safe: the guard bars under the publish sink's lock, the ZAP thread asks.
/// </summary>
sealed class PeerBarrier(ILogger? log)
{
    public static readonly TimeSpan FirstBar = TimeSpan.FromSeconds(10);
    public static readonly TimeSpan LongestBar = TimeSpan.FromMinutes(5);
    public static readonly TimeSpan Memory = TimeSpan.FromMinutes(10);
    static readonly TimeSpan ReportWindow = TimeSpan.FromSeconds(10);

    readonly ConcurrentDictionary<string, Bar> _bars = new(StringComparer.Ordinal);
    long _refused;
    readonly WarningWindow _warnings = new(ReportWindow);

    /// <summary>Handshakes refused since the start.</summary>
    public long Refused => Interlocked.Read(ref _refused);

    /// <summary>Bars <paramref name="peer"/> (an address without port; IPv6 with or without brackets) from now on.</summary>
    /// <returns>How long the bar lasts.</returns>
    public TimeSpan Impose(string peer)
    {
        var now = Environment.TickCount64;
        var bar = _bars.AddOrUpdate(Normal(peer), _ => new Bar(now + (long)FirstBar.TotalMilliseconds, FirstBar),
            (_, last) =>
            {
                if (now < last.Until)
                    return last; // the connections of one flood, ended one after the other
                var length = now - last.Until > Memory.TotalMilliseconds ? FirstBar : TimeSpan.FromTicks(Math.Min(last.Length.Ticks * 2, LongestBar.Ticks));
                return new Bar(now + (long)length.TotalMilliseconds, length);
            });
        return TimeSpan.FromMilliseconds(bar.Until - now);
    }

    /// <summary>True, with the time the bar has left, where <paramref name="peer"/> is barred now; nothing counted.</summary>
    public bool IsBarred(string peer, out TimeSpan left)
    {
        var now = Environment.TickCount64;
        left = _bars.TryGetValue(Normal(peer), out var bar) && now < bar.Until ? TimeSpan.FromMilliseconds(bar.Until - now) : TimeSpan.Zero;
        return left > TimeSpan.Zero;
    }

    /// <summary>True, counted and (rate-limited) logged, where <paramref name="address"/> is barred now.</summary>
    public bool Refuses(string address)
    {
        var peer = Normal(address);
        if (!_bars.TryGetValue(peer, out var bar))
            return false;
        var now = Environment.TickCount64;
        if (now >= bar.Until)
        {
            if (now - bar.Until > Memory.TotalMilliseconds)
                _bars.TryRemove(new KeyValuePair<string, Bar>(peer, bar));
            return false;
        }

        var refused = Interlocked.Increment(ref _refused);
        // Asked on the ZAP thread only.
        if (_warnings.TryWarn(out var unreported))
            log?.Warning("Publish: refused a connection from {Peer}: its subscriptions passed a bound; barred for {Seconds} s more ({Unreported} more refused since the last warning; {Refused} in all)",
                peer, (bar.Until - now + 999) / 1000, unreported, refused);
        return true;
    }

    static string Normal(string address) => address.Trim('[', ']');

    readonly record struct Bar(long Until, TimeSpan Length);
}
