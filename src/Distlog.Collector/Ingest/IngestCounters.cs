namespace Distlog.Collector.Ingest;

/// <summary>
/// Counts what ingest saw: messages received, events accepted and rejections by reason.
/// Written by the ingest thread, read by the stats reporter on any thread.
/// </summary>
sealed class IngestCounters
{
    static readonly RejectReason[] Reasons = Enum.GetValues<RejectReason>();

    readonly long[] _rejected = new long[Reasons.Length];
    long _messages;
    long _accepted;
    long _handshakesRefused;

    /// <summary>ZeroMQ messages received, good or bad.</summary>
    public long Messages => Interlocked.Read(ref _messages);

    /// <summary>Events decoded and offered to the plugins.</summary>
    public long Accepted => Interlocked.Read(ref _accepted);

    public long RejectedTotal
    {
        get
        {
            long total = 0;
            foreach (var reason in Reasons)
                total += Rejected(reason);
            return total;
        }
    }

    /// <summary>CURVE handshakes refused: no CURVE, the wrong server key, or a client key not in <c>authorizedClients</c>.</summary>
    public long HandshakesRefused => Interlocked.Read(ref _handshakesRefused);

    public long CountHandshakeRefused() => Interlocked.Increment(ref _handshakesRefused);

    public long Rejected(RejectReason reason) => Interlocked.Read(ref _rejected[(int)reason]);

    public void CountMessage() => Interlocked.Increment(ref _messages);

    public void CountAccepted() => Interlocked.Increment(ref _accepted);

    public void CountAccepted(int count) => Interlocked.Add(ref _accepted, count);

    public long CountRejected(RejectReason reason) => Interlocked.Increment(ref _rejected[(int)reason]);

    /// <summary>"InvalidClef 12, TooLarge 1" for the reasons seen so far; empty when none.</summary>
    public string DescribeRejections()
    {
        var parts = new List<string>();
        foreach (var reason in Reasons)
        {
            var count = Rejected(reason);
            if (count > 0)
                parts.Add($"{reason} {count}");
        }
        return string.Join(", ", parts);
    }
}
