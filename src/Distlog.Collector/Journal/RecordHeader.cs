using System.Buffers.Binary;

namespace Distlog.Collector.Journal;

/// <summary>
/// The fixed part of a journal record. On disk (little-endian): the prefix — magic <c>DLJ1</c>, body length, CRC-32C of
/// the body — then the body: kind, system letter, two reserved bytes, event count, first event id, append time (Unix
/// ms), the batch id (<see cref="BatchId"/>: sender, sequence, sender's lowest unacknowledged), then the payload.
/// </summary>
readonly record struct RecordHeader(RecordKind Kind, char System, int Count, long FirstId, long AppendedMs, BatchId Batch)
{
    public const uint Magic = 0x314A4C44; // "DLJ1"
    public const int PrefixSize = 12;
    public const int BodyHeaderSize = 56;
    public const int Size = PrefixSize + BodyHeaderSize;

    /// <summary>The id after this record's last event.</summary>
    public long EndId => FirstId + Count;

    /// <summary>Writes the body header at the start of <paramref name="body"/>.</summary>
    public void WriteBody(Span<byte> body)
    {
        body[0] = (byte)Kind;
        body[1] = (byte)System;
        BinaryPrimitives.WriteUInt16LittleEndian(body[2..], 0);
        BinaryPrimitives.WriteInt32LittleEndian(body[4..], Count);
        BinaryPrimitives.WriteInt64LittleEndian(body[8..], FirstId);
        BinaryPrimitives.WriteInt64LittleEndian(body[16..], AppendedMs);
        Batch.Write(body[24..]);
    }

    /// <summary>Reads a body header; false where the kind is unknown or the count negative.</summary>
    public static bool TryRead(ReadOnlySpan<byte> body, out RecordHeader header)
    {
        header = default;
        if (body.Length < BodyHeaderSize || body[0] is not ((byte)RecordKind.Events or (byte)RecordKind.Senders))
            return false;
        var count = BinaryPrimitives.ReadInt32LittleEndian(body[4..]);
        if (count < 0)
            return false;
        header = new RecordHeader((RecordKind)body[0], (char)body[1], count, BinaryPrimitives.ReadInt64LittleEndian(body[8..]),
            BinaryPrimitives.ReadInt64LittleEndian(body[16..]), BatchId.Read(body[24..]));
        return true;
    }

    /// <summary>Fills the prefix of a record whose body follows it in <paramref name="record"/>.</summary>
    public static void WritePrefix(Span<byte> record)
    {
        var body = record[PrefixSize..];
        BinaryPrimitives.WriteUInt32LittleEndian(record, Magic);
        BinaryPrimitives.WriteInt32LittleEndian(record[4..], body.Length);
        BinaryPrimitives.WriteUInt32LittleEndian(record[8..], Crc32C.Of(body));
    }

    /// <summary>Reads a prefix: the body's length and checksum; false where the magic is wrong or the length is out of range.</summary>
    public static bool TryReadPrefix(ReadOnlySpan<byte> prefix, int maxBody, out int bodyLength, out uint crc)
    {
        bodyLength = BinaryPrimitives.ReadInt32LittleEndian(prefix[4..]);
        crc = BinaryPrimitives.ReadUInt32LittleEndian(prefix[8..]);
        return BinaryPrimitives.ReadUInt32LittleEndian(prefix) == Magic && bodyLength >= BodyHeaderSize && bodyLength <= maxBody;
    }
}
