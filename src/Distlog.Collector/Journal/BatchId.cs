using System.Buffers.Binary;

namespace Distlog.Collector.Journal;

/// <summary>
/// The third frame of an acknowledged batch (32 bytes, little-endian): the sender's id (16 random bytes, also its
/// ZeroMQ routing id on the control channel), the batch's sequence number, and the lowest sequence number the sender
/// still waits to have acknowledged, below which the collector may forget its batches. <see cref="None"/> for a
/// sender that wants no acknowledgement (a Python distlog PUSH).
/// </summary>
readonly record struct BatchId(UInt128 Sender, long Sequence, long LowestUnacknowledged)
{
    public const int Size = 32;
    public const int SenderSize = 16;

    public static BatchId None => default;

    public bool IsNone => Sender == UInt128.Zero;

    public static bool TryParse(ReadOnlySpan<byte> frame, out BatchId id)
    {
        id = frame.Length == Size ? Read(frame) : default;
        return !id.IsNone && id.Sequence >= id.LowestUnacknowledged && id.LowestUnacknowledged >= 0;
    }

    public static BatchId Read(ReadOnlySpan<byte> data) =>
        new(BinaryPrimitives.ReadUInt128LittleEndian(data), BinaryPrimitives.ReadInt64LittleEndian(data[16..]),
            BinaryPrimitives.ReadInt64LittleEndian(data[24..]));

    public void Write(Span<byte> data)
    {
        BinaryPrimitives.WriteUInt128LittleEndian(data, Sender);
        BinaryPrimitives.WriteInt64LittleEndian(data[16..], Sequence);
        BinaryPrimitives.WriteInt64LittleEndian(data[24..], LowestUnacknowledged);
    }

    /// <summary>The sender's routing id on the control channel: its 16 bytes as sent.</summary>
    public void WriteSender(Span<byte> data) => BinaryPrimitives.WriteUInt128LittleEndian(data, Sender);
}
