using System.Runtime.InteropServices;
using System.Text;
using Distlog.Collector.Events;
using Distlog.Collector.Ingest;
using Distlog.Collector.Tests.Support;
using Serilog.Core;

namespace Distlog.Collector.Tests.Ingest;

public sealed class LineCopierTests
{
    [Test]
    public void EachAcceptedLineKeepsItsBytesAfterTheReceivedMessageIsReused()
    {
        var lines = new[] { Some.ClefLine(1), Some.ClefLine(2), Some.ClefLine(3) };
        var payload = Encoding.UTF8.GetBytes(string.Join("\r\n", lines[0], "{broken", lines[1], "", lines[2]) + "\n");
        var events = new List<IngestedEvent>();

        new MessageDecoder(new RejectionReporter(new IngestCounters(), Logger.None)).Decode("PLC"u8, payload, events);
        Array.Fill(payload, (byte)'x');

        Assert.That(events.Select(e => Encoding.UTF8.GetString(e.Clef.Span)), Is.EqualTo(lines));
    }

    [Test]
    public void ShortLinesShareAChunkAndALongLineGetsAnArrayOfItsOwn()
    {
        var copier = new LineCopier();
        var longLine = new byte[LineCopier.ChunkSize / 2];

        var first = copier.Copy("{\"a\":1}"u8);
        var second = copier.Copy("{\"b\":2}"u8);
        var large = copier.Copy(longLine);

        Assert.That(SameArray(first, second), Is.True);
        Assert.That(SameArray(first, large), Is.False);
        Assert.That(large.Length, Is.EqualTo(longLine.Length));
    }

    [Test]
    public void ALineThatDoesNotFitStartsANewChunkAndLeavesTheOldLinesIntact()
    {
        var copier = new LineCopier();
        var line = Enumerable.Repeat((byte)'y', LineCopier.ChunkSize / 8).ToArray();
        var copies = Enumerable.Range(0, 9).Select(_ => copier.Copy(line)).ToList();

        Assert.That(SameArray(copies[0], copies[7]), Is.True);
        Assert.That(SameArray(copies[0], copies[8]), Is.False);
        Assert.That(copies.Select(c => c.ToArray()), Has.All.EqualTo(line));
    }

    static bool SameArray(ReadOnlyMemory<byte> a, ReadOnlyMemory<byte> b) =>
        MemoryMarshal.TryGetArray(a, out var x) && MemoryMarshal.TryGetArray(b, out var y) && ReferenceEquals(x.Array, y.Array);
}
