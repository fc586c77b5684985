using Serilog.Events;

namespace Distlog.Sinks.ZeroMq;

/// <summary>
/// What <see cref="BoundedEventQueue.TryDequeue"/> gives the consumer: the <see cref="LogEvent"/> itself, or its CLEF
/// line, already formatted by the logging thread and held in a <see cref="ClefChunks"/> array.
/// </summary>
readonly struct QueuedEvent
{
    readonly object _item;
    readonly int _offset;
    readonly int _length;

    public QueuedEvent(LogEvent logEvent) => _item = logEvent;

    public QueuedEvent(byte[] chunk, int offset, int length) => (_item, _offset, _length) = (chunk, offset, length);

    /// <summary>The event; null for an entry that holds its line.</summary>
    public LogEvent? Event => _item as LogEvent;

    /// <summary>The array that holds the line; null for an entry that holds the event.</summary>
    public byte[]? Chunk => _item as byte[];

    /// <summary>The formatted line; empty for an entry that holds the event.</summary>
    public ReadOnlySpan<byte> Clef => Chunk.AsSpan(_offset, _length);
}
