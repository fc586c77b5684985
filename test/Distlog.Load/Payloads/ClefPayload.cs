using System.Buffers.Text;
using System.Text;

namespace Distlog.Load.Payloads;

/// <summary>
/// The pre-formatted CLEF event every raw producer sends (226 bytes): the same bytes for every event except
/// <c>Row</c>, a fixed-width number (<see cref="RowBase"/> + the event's index), so that a receiver can check
/// that every index arrived exactly once.
/// </summary>
static class ClefPayload
{
    public const long RowBase = 1_000_000_000;
    const int RowDigits = 10;

    static readonly byte[] Prefix = Encoding.UTF8.GetBytes(
        """{"@t":"2024-05-01T12:34:56.7890123Z","@mt":"Stored row {Row} for {Customer} in {Elapsed} ms","Row":""");
    static readonly byte[] Suffix = Encoding.UTF8.GetBytes(
        ""","Customer":"ACME","Elapsed":1.25,"Application":"load","Host":"h1","TaskKey":"42@4bf92f3577b34da6a3ce929d0e0e4736/1"}""");
    static readonly byte[] RowMarker = "\"Row\":"u8.ToArray();

    /// <summary>The length of one event in bytes, without a newline.</summary>
    public static int Length { get; } = Prefix.Length + RowDigits + Suffix.Length;

    /// <summary>Writes <paramref name="count"/> events from <paramref name="firstIndex"/> on, separated by <c>\n</c>
    /// (no trailing newline), and returns the number of bytes written.</summary>
    public static int WriteBatch(Span<byte> destination, long firstIndex, int count)
    {
        var written = 0;
        for (var i = 0; i < count; i++)
        {
            if (i > 0)
                destination[written++] = (byte)'\n';
            written += Write(destination[written..], firstIndex + i);
        }
        return written;
    }

    /// <summary>Finds <c>"Row":</c> in a line (as written here or re-written by the collector) and returns the index.</summary>
    public static bool TryReadIndex(ReadOnlySpan<byte> line, out long index)
    {
        index = -1;
        var at = line.IndexOf(RowMarker);
        if (at < 0 || !Utf8Parser.TryParse(line[(at + RowMarker.Length)..], out long row, out _))
            return false;
        index = row - RowBase;
        return index >= 0;
    }

    static int Write(Span<byte> destination, long index)
    {
        Prefix.CopyTo(destination);
        Utf8Formatter.TryFormat(RowBase + index, destination[Prefix.Length..], out _);
        Suffix.CopyTo(destination[(Prefix.Length + RowDigits)..]);
        return Length;
    }
}
