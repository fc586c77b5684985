using System.Text;
using Distlog.Clef;
using Distlog.Collector.Clef;
using Distlog.Collector.Tests.Ingest;
using Serilog.Events;

namespace Distlog.Collector.Tests.Clef;

/// <summary>
/// The ingest thread's one-pass check of a CLEF line (<see cref="ClefScanner"/>, in the library): it must never accept
/// a line <see cref="ClefReader"/> rejects, and its summary must be what the event the reader builds says.
/// </summary>
public sealed class ClefScannerTests
{
    [TestCaseSource(typeof(ClefLines), nameof(ClefLines.Valid))]
    public void AValidLineIsAcceptedWithTheSummaryOfTheEventTheReaderBuilds(string line)
    {
        var utf8 = Encoding.UTF8.GetBytes(line);

        Assert.That(ClefScanner.TryScan(utf8, out var summary), Is.True);
        Assert.That(Describe(summary, utf8), Is.EqualTo(Describe(ClefReader.Read(utf8))));
    }

    [TestCaseSource(typeof(ClefLines), nameof(ClefLines.Invalid))]
    public void AnInvalidLineIsDeclinedSoThatTheReaderGivesTheReason(string line)
    {
        var utf8 = Encoding.UTF8.GetBytes(line);

        Assert.That(ClefReader.TryRead(utf8, out _, out _), Is.False, "the reader rejects it");
        Assert.That(ClefScanner.TryScan(utf8, out _), Is.False);
    }

    [Test]
    public void BytesThatAreNotUtf8AreDeclined() =>
        Assert.That(ClefScanner.TryScan([.. "{\"@t\":\"2024-05-01T12:00:00Z\",\"a\":\""u8, 0xC3, 0x28, .. "\"}"u8], out _), Is.False);

    [TestCase("""{"@t":"2024-05-01T12:00:00Z","@mt":"\ud83d\ude00"}""")]
    [TestCase("""{"@t":"2024-05-01T12:00:00Z","TaskKey":"1@r\/2"}""")]
    public void RareValidLinesAreLeftToTheReader(string line)
    {
        var utf8 = Encoding.UTF8.GetBytes(line);

        Assert.That(ClefScanner.TryScan(utf8, out _), Is.False);
        Assert.That(ClefReader.TryRead(utf8, out _, out _), Is.True);
    }

    [Test]
    public void OfTwentyThousandMutatedLinesTheScannerAcceptsOnlyWhatTheReaderReadsAndSummarisesItAlike()
    {
        var random = new Random(5);
        var accepted = 0;
        for (var i = 0; i < 20_000; i++)
        {
            var utf8 = Mutate(Encoding.UTF8.GetBytes(ClefLines.Valid[i % ClefLines.Valid.Length]), random);
            if (!ClefScanner.TryScan(utf8, out var summary))
                continue;
            accepted++;
            Assert.That(ClefReader.TryRead(utf8, out var logEvent, out var error), Is.True, $"{Encoding.UTF8.GetString(utf8)}: {error}");
            Assert.That(Describe(summary, utf8), Is.EqualTo(Describe(logEvent!)), Encoding.UTF8.GetString(utf8));
        }

        Assert.That(accepted, Is.GreaterThan(1000), "mutations that keep a line valid are common enough to compare summaries");
    }

    static byte[] Mutate(byte[] line, Random random)
    {
        var bytes = line.ToList();
        const string significant = "{}[]\":,\\@u0dD8aA. \t";
        for (var n = random.Next(1, 4); n > 0 && bytes.Count > 0; n--)
        {
            var at = random.Next(bytes.Count);
            var b = (byte)significant[random.Next(significant.Length)];
            switch (random.Next(3))
            {
                case 0: bytes.RemoveAt(at); break;
                case 1: bytes.Insert(at, b); break;
                default: bytes[at] = b; break;
            }
        }
        return [.. bytes];
    }

    static (DateTime, TimeSpan, LogEventLevel, string?, bool, string?) Describe(ClefSummary s, byte[] line) =>
        (s.Timestamp.DateTime, s.Timestamp.Offset, s.Level, s.Application, s.HasException, s.TaskKey(line));

    static (DateTime, TimeSpan, LogEventLevel, string?, bool, string?) Describe(LogEvent e) =>
        (e.Timestamp.DateTime, e.Timestamp.Offset, e.Level, ClefSummary.StringProperty(e, "Application"), e.Exception is not null,
            ClefSummary.StringProperty(e, "TaskKey"));
}
