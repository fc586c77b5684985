using System.Text;
using Distlog.Cli.Input;

namespace Distlog.Cli.Tests.Input;

public sealed class ClefLineReaderTests
{
    static List<(long Number, string Text, bool TooLong)> Read(string text, int max = ClefLineReader.DefaultMaxLineBytes) =>
        new ClefLineReader(new MemoryStream(Encoding.UTF8.GetBytes(text)), max).ReadLines()
            .Select(l => (l.Number, Encoding.UTF8.GetString(l.Bytes.Span), l.TooLong)).ToList();

    [Test]
    public void LinesKeepTheirBytesAndNumbers()
    {
        Assert.That(Read("{\"a\":1}\n\n{\"b\":\"é\"}\n"), Is.EqualTo(new[] { (1L, "{\"a\":1}", false), (2L, "", false), (3L, "{\"b\":\"é\"}", false) }));
    }

    [Test]
    public void CrLfAByteOrderMarkAndAMissingLastLineEndAreHandled()
    {
        Assert.That(Read("\uFEFFone\r\ntwo"), Is.EqualTo(new[] { (1L, "one", false), (2L, "two", false) }));
    }

    [Test]
    public void ALineLongerThanTheLimitIsMarkedAndTheNextLineIsIntact()
    {
        var lines = Read(new string('x', 100) + "\nok\n", max: 10);
        Assert.That(lines[0].TooLong, Is.True);
        Assert.That(lines[1], Is.EqualTo((2L, "ok", false)));
    }

    [Test]
    public void LinesSpanningReadBuffersArriveWhole()
    {
        var big = new string('y', 200_000);
        Assert.That(Read(big + "\nz\n").Select(l => l.Text), Is.EqualTo(new[] { big, "z" }));
    }
}
