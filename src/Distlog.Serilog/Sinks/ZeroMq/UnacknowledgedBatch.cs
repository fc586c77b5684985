namespace Distlog.Sinks.ZeroMq;

/// <summary>A batch sent and kept until the collector acknowledges it: its payload (a pooled array), events and
/// when it is to be sent again where no acknowledgement comes.</summary>
sealed class UnacknowledgedBatch(long sequence, byte[] payload, int length, int events)
{
    public long Sequence { get; } = sequence;

    public byte[] Payload { get; } = payload;

    public ReadOnlySpan<byte> Bytes => Payload.AsSpan(0, length);

    public int Events { get; } = events;

    /// <summary>Times sent so far.</summary>
    public int Attempts { get; set; }

    /// <summary>The <see cref="System.Diagnostics.Stopwatch"/> timestamp at which it is sent again.</summary>
    public long ResendAt { get; set; }
}
