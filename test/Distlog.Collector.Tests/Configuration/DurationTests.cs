using Distlog.Collector.Configuration;

namespace Distlog.Collector.Tests.Configuration;

public sealed class DurationTests
{
    [TestCase("250ms", 250)]
    [TestCase("10s", 10_000)]
    [TestCase("1.5s", 1_500)]
    [TestCase("2m", 120_000)]
    [TestCase("1h", 3_600_000)]
    [TestCase("30", 30_000)]
    [TestCase("00:00:10", 10_000)]
    [TestCase("off", 0)]
    public void DurationsAreReadInTheirUnits(string text, int milliseconds)
    {
        Assert.That(Duration.TryParse(text, out var value), Is.True);
        Assert.That(value, Is.EqualTo(TimeSpan.FromMilliseconds(milliseconds)));
    }

    [TestCase("")]
    [TestCase("ten seconds")]
    [TestCase("10y")]
    [TestCase("-5s")]
    public void OtherTextIsNotADuration(string text) => Assert.That(Duration.TryParse(text, out _), Is.False);
}
