using System.Text;
using Distlog.Cli.Input;
using Distlog.Cli.Tests.Support;

namespace Distlog.Cli.Tests.Input;

public sealed class ClefEventReaderTests
{
    static readonly string Input = ClefText.Lines(ClefText.Line("first"), "{not json", "", ClefText.Line("second"), "[1,2]");

    static Stream Stream() => new MemoryStream(Encoding.UTF8.GetBytes(Input));

    [Test]
    public void FailModeStopsAtTheFirstBadLineNamingItsNumber()
    {
        var reader = new ClefEventReader(InvalidDataMode.Fail, TextWriter.Null, "events.clef");
        var read = new List<string>();
        var ex = Assert.Throws<CliException>(() =>
        {
            foreach (var record in reader.Read(Stream()))
                read.Add(record.Event.MessageTemplate.Text);
        });
        Assert.That(ex!.Message, Does.StartWith("events.clef line 2 is not valid CLEF: "));
        Assert.That(read, Is.EqualTo(new[] { "first" }));
    }

    [Test]
    public void IgnoreModeSkipsBadLinesSilently()
    {
        var error = new StringWriter();
        var reader = new ClefEventReader(InvalidDataMode.Ignore, error, "stdin");
        Assert.That(reader.Read(Stream()).Select(r => r.Event.MessageTemplate.Text), Is.EqualTo(new[] { "first", "second" }));
        Assert.That(reader.InvalidLines, Is.EqualTo(2));
        Assert.That(error.ToString(), Is.Empty);
    }

    [Test]
    public void ReportModeSkipsBadLinesAndNamesEachOnStandardError()
    {
        var error = new StringWriter();
        var reader = new ClefEventReader(InvalidDataMode.Report, error, "stdin");
        Assert.That(reader.Read(Stream()).Count(), Is.EqualTo(2));
        var lines = error.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);
        Assert.That(lines, Has.Length.EqualTo(2));
        Assert.That(lines[0], Does.StartWith("stdin line 2 is not valid CLEF: "));
        Assert.That(lines[1], Does.StartWith("stdin line 5 is not valid CLEF: "));
    }

    [Test]
    public void EachRecordCarriesTheOriginalLineBytes()
    {
        var line = "{\"@t\":\"2024-05-01T10:00:00Z\",  \"@mt\":\"spaced   out\"}";
        var reader = new ClefEventReader(InvalidDataMode.Fail, TextWriter.Null, "stdin");
        var record = reader.Read(new MemoryStream(Encoding.UTF8.GetBytes(line + "\n"))).Single();
        Assert.That(Encoding.UTF8.GetString(record.Clef.Span), Is.EqualTo(line));
    }
}
