using Distlog.Tasks;

namespace Distlog.Serilog.Tests.Tasks;

public sealed class TaskTraceStateTests
{
    [Test]
    public void TheDistlogEntryGoesFirstAndReplacesAnOlderOneWhileOtherVendorsStay()
    {
        Assert.That(TaskTraceState.With(null, "root/1"), Is.EqualTo("distlog=root/1"));
        Assert.That(TaskTraceState.With("congo=t61rcWkgMzE, distlog=root/1,rojo=00f067aa0ba902b7", "root/1/2"),
            Is.EqualTo("distlog=root/1/2,congo=t61rcWkgMzE,rojo=00f067aa0ba902b7"));
    }

    [TestCase("root/1,2")]
    [TestCase("root/1=2")]
    [TestCase("root/\u00e9")]
    public void AnIdThatCannotBeATraceStateValueLeavesTheTraceStateAsItWas(string id) =>
        Assert.That(TaskTraceState.With("congo=t61rcWkgMzE", id), Is.EqualTo("congo=t61rcWkgMzE"));

    [Test]
    public void TheEntryReadsBackAsRootAndPath()
    {
        Assert.That(TaskTraceState.TryRead("congo=t61rcWkgMzE, distlog=4bf92f3577b34da6a3ce929d0e0e4736/1/2", out var root, out var path), Is.True);
        Assert.That((root, path), Is.EqualTo(("4bf92f3577b34da6a3ce929d0e0e4736", "/1/2")));
    }

    [TestCase(null)]
    [TestCase("")]
    [TestCase("congo=t61rcWkgMzE")]
    [TestCase("distlog=root//1")]
    [TestCase("xdistlog=root/1")]
    public void NoEntryOrAMalformedOneReadsAsNone(string? traceState) =>
        Assert.That(TaskTraceState.TryRead(traceState, out _, out _), Is.False);
}
