using Serilog.Events;

namespace Distlog.Sinks.ZeroMq;

/// <summary>
/// One entry of the sink's queue: the <see cref="LogEvent"/> itself, or its CLEF line already formatted by the
/// logging thread and held in a <see cref="ClefChunks"/> chunk.
/// </summary>
readonly record struct QueuedEvent(LogEvent? Event, byte[]? Chunk, int Offset, int Length)
{
    /// <summary>The formatted line; empty for an entry that holds the event.</summary>
    public ReadOnlySpan<byte> Clef => Chunk.AsSpan(Offset, Length);
}
