using System.Text;
using Distlog.Collector.Tests.Support;

namespace Distlog.Collector.Tests.Ingest;

/// <summary>The bad messages of the fuzz test: each is a list of frames, and each is rejected exactly once.</summary>
static class Malformed
{
    public const int MaxMessageBytes = 2 * 1024 * 1024;

    static readonly byte[] Clef = "PLC"u8.ToArray();
    static readonly byte[] Oversized = Encoding.UTF8.GetBytes(Some.ClefLine(0).Replace("Event {N}", new string('x', MaxMessageBytes)));
    static readonly byte[] HundredThousandProperties = Encoding.UTF8.GetBytes(
        "{\"@t\":\"2024-05-01T12:00:00Z\",\"@mt\":\"m\"," + string.Join(",", Enumerable.Range(0, 100_000).Select(i => $"\"p{i}\":{i}")) + "}");

    /// <summary>Malformed message number <paramref name="i"/> and the rejection reason the collector should count.</summary>
    public static (byte[][] Frames, string Reason) Message(int i, Random random)
    {
        if (i % 1000 == 999)
            return ([Clef, HundredThousandProperties], "InvalidClef");
        if (i % 500 == 499)
            return ([Clef, Oversized], "TooLarge");

        return (i % 12) switch
        {
            0 => ([Clef, [.. "{\"@t\":\"2024-05-01T12:00:00Z\",\"@mt\":\""u8, 0xC3, 0x28, 0xFF, .. "\"}"u8]], "InvalidUtf8"),
            1 => ([Clef, Bytes(Some.ClefLine(i)[..random.Next(1, 40)])], "InvalidClef"),
            2 => ([Clef, Bytes("{\"@t\":12345,\"@mt\":\"wrong type\"}")], "InvalidClef"),
            3 => ([Clef, Bytes("{\"@t\":\"2024-05-01T12:00:00Z\",\"@mt\":7}")], "InvalidClef"),
            4 => ([Clef, Bytes("{\"@t\":\"2024-05-01T12:00:00Z\",\"@mt\":\"m\",\"d\":" + new string('[', 500) + new string(']', 500) + "}")], "InvalidClef"),
            5 => ([Bytes("PLX"), Bytes(Some.ClefLine(i))], "UnknownTopic"),
            6 => ([Bytes("PLP"), [0x80, 0x04, 0x95, 0x00]], "Pickle"),
            7 => ([Clef, Bytes(Some.ClefLine(i)), Bytes("third frame")], "WrongFrameCount"),
            8 => ([Bytes(Some.ClefLine(i))], "WrongFrameCount"),
            9 => ([Bytes("PLJ"), Bytes("{\"levelno\":\"loud\",\"msg\":\"x\"}")], "InvalidRecord"),
            10 => ([Clef, Bytes("[1,2,3]")], "InvalidClef"),
            _ => ([Clef, RandomText(random)], "InvalidClef"),
        };
    }

    static byte[] Bytes(string text) => Encoding.UTF8.GetBytes(text);

    static byte[] RandomText(Random random)
    {
        // Printable ASCII after a '{': never blank, never valid CLEF (at best "{}", which lacks @t).
        var bytes = new byte[random.Next(2, 200)];
        for (var i = 0; i < bytes.Length; i++)
            bytes[i] = (byte)random.Next(0x20, 0x7F);
        bytes[0] = (byte)'{';
        return bytes;
    }
}
