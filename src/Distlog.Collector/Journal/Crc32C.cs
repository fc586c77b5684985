using System.Buffers.Binary;
using System.Numerics;

namespace Distlog.Collector.Journal;

/// <summary>CRC-32C (Castagnoli) through <see cref="BitOperations.Crc32C(uint, ulong)"/>, which uses the CPU's instruction where there is one.</summary>
static class Crc32C
{
    public static uint Of(ReadOnlySpan<byte> data)
    {
        var crc = uint.MaxValue;
        while (data.Length >= 8)
        {
            crc = BitOperations.Crc32C(crc, BinaryPrimitives.ReadUInt64LittleEndian(data));
            data = data[8..];
        }
        foreach (var b in data)
            crc = BitOperations.Crc32C(crc, b);
        return ~crc;
    }
}
