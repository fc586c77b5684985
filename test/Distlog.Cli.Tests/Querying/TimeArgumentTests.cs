using Distlog.Cli.Querying;

namespace Distlog.Cli.Tests.Querying;

public sealed class TimeArgumentTests
{
    static readonly DateTimeOffset Now = DateTimeOffset.Parse("2024-05-01T12:00:00Z");

    [TestCase("90m", "2024-05-01T10:30:00Z")]
    [TestCase("1h", "2024-05-01T11:00:00Z")]
    [TestCase("30s", "2024-05-01T11:59:30Z")]
    [TestCase("2d", "2024-04-29T12:00:00Z")]
    [TestCase("1w", "2024-04-24T12:00:00Z")]
    [TestCase("2024-05-01", "2024-05-01T00:00:00Z")]
    [TestCase("2024-05-01T10:00:00", "2024-05-01T10:00:00Z")]
    [TestCase("2024-05-01T10:00:00+02:00", "2024-05-01T08:00:00Z")]
    [TestCase("2024-05-01 10:00:00.25Z", "2024-05-01T10:00:00.25Z")]
    public void RelativeSpansCountBackFromNowAndIsoTimesAreUtcUnlessTheySayOtherwise(string text, string expected)
    {
        Assert.That(TimeArgument.TryParse(text, Now, out var value), Is.True);
        Assert.That(value, Is.EqualTo(DateTimeOffset.Parse(expected)));
    }

    [TestCase("soon")]
    [TestCase("5y")]
    [TestCase("m")]
    [TestCase("2024-13-01")]
    public void AnythingElseIsRejected(string text)
    {
        Assert.That(TimeArgument.TryParse(text, Now, out _), Is.False);
    }
}
