using System.Text;
using Distlog.Clef;
using Distlog.Serilog.Tests.Support;
using Serilog.Events;

namespace Distlog.Serilog.Tests.Clef;

sealed class ClefFormatterTests
{
    readonly ClefFormatter _formatter = new();

    [Test]
    public void EachEventIsTheWritersLineFollowedByANewline()
    {
        var logEvent = Some.Event("Hello, {User}", "nblumhardt");
        var output = new StringWriter();

        _formatter.Format(logEvent, output);
        _formatter.Format(logEvent, output);

        var line = ClefLine.Text(logEvent) + "\n";
        Assert.That(output.ToString(), Is.EqualTo(line + line));
    }

    [Test]
    public void AHugeEventFollowedByASmallOneFormatsEachCompletely()
    {
        var huge = Some.Event("Big {Text}", new string('x', 200_000));
        var small = Some.Event("Small {N}", 1);
        var output = new StringWriter();

        _formatter.Format(huge, output);
        _formatter.Format(small, output);

        Assert.That(output.ToString(), Is.EqualTo(ClefLine.Text(huge) + "\n" + ClefLine.Text(small) + "\n"));
    }

    [Test]
    public void ManyThreadsFormattingAtOnceEachGetTheirOwnEvents()
    {
        var failures = 0;
        Parallel.For(0, 8, new ParallelOptions { MaxDegreeOfParallelism = 8 }, thread =>
        {
            for (var i = 0; i < 500; i++)
            {
                var output = new StringWriter();
                _formatter.Format(Some.EventWith(new LogEventProperty("N", new ScalarValue(thread * 1000 + i))), output);
                var read = ClefReader.Read(output.ToString().TrimEnd('\n'));
                if (!read.Properties["N"].Equals(new ScalarValue((long)(thread * 1000 + i))))
                    Interlocked.Increment(ref failures);
            }
        });

        Assert.That(failures, Is.Zero);
    }

    [Test]
    public void AValueThatFormatsAnotherEventWhileItIsFormattedLeavesBothLinesWhole()
    {
        var inner = Some.Event("Inner {N}", 2);
        var innerOutput = new StringWriter();
        var outer = Some.EventWith(new LogEventProperty("V", new ScalarValue(new Reentrant(_formatter, inner, innerOutput))));
        var output = new StringWriter();

        _formatter.Format(outer, output);

        Assert.That(innerOutput.ToString(), Is.EqualTo(ClefLine.Text(inner) + "\n"));
        Assert.That(ClefReader.Read(output.ToString().TrimEnd('\n')).Properties["V"], Is.EqualTo(new ScalarValue("outer")));
    }

    [Test]
    public void NonAsciiTextIsWrittenAsCharactersNotEscapes()
    {
        var output = new StringWriter();

        _formatter.Format(Some.Event("{City}", "Zürich 東京"), output);

        Assert.That(output.ToString(), Does.Contain("\"City\":\"Zürich 東京\""));
        Assert.That(Encoding.UTF8.GetByteCount(output.ToString()), Is.GreaterThan(output.ToString().Length));
    }

    sealed class Reentrant(ClefFormatter formatter, LogEvent inner, TextWriter innerOutput)
    {
        public override string ToString()
        {
            formatter.Format(inner, innerOutput);
            return "outer";
        }
    }
}
