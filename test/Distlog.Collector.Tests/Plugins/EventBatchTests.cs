using Distlog.Collector.Plugins;
using Distlog.Collector.Tests.Support;
using Serilog.Events;

namespace Distlog.Collector.Tests.Plugins;

public sealed class EventBatchTests
{
    [Test]
    public void AnEventIsReadFromItsLineWhenASinkFirstAsksAndKeptForTheBatchsRetries()
    {
        var batch = Received.Clef(Some.ClefLine(7, "Error"), Some.ClefLine(8));

        var first = batch.Event(0);

        Assert.That((first.Level, first.Properties["N"].ToString()), Is.EqualTo((LogEventLevel.Error, "7")));
        Assert.That(batch.Event(0), Is.SameAs(first));
        Assert.That(batch.Events().Select(e => e.Properties["N"].ToString()), Is.EqualTo(new[] { "7", "8" }));
    }

    [Test]
    public void TheSummaryOfALineIsGivenWithoutItsEvent()
    {
        var batch = Received.Clef(Some.ClefLine(7, "Warning", "billing"));

        Assert.That((batch.Summary(0).Level, batch.Summary(0).Application),
            Is.EqualTo((LogEventLevel.Warning, "billing")));
    }
}
