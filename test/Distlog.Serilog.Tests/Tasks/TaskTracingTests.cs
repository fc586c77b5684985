using System.Diagnostics;
using Distlog.Serilog.Tests.Support;

namespace Distlog.Serilog.Tests.Tasks;

public sealed class TaskTracingTests
{
    [Test]
    public void ANewRootIsAW3CTraceIdAndEventsCarryTraceAndSpan()
    {
        using var log = new TestLogger();
        using (var task = DistlogTask.Start(log.Logger, "job"))
        {
            Assert.That(Activity.Current, Is.SameAs(task.Activity));
            log.Logger.Information("inside");
        }

        var key = log.Events[0].Key();
        Assert.That(key.Root, Does.Match("^[0-9a-f]{32}$"));
        Assert.That(log.Events.Select(e => e.TraceId?.ToHexString()), Is.All.EqualTo(key.Root));
        Assert.That(log.Events.Select(e => e.SpanId), Is.All.Not.Null);
        Assert.That(Activity.Current, Is.Null);
    }

    [Test]
    public void ATaskInsideAnExistingActivityJoinsItsTrace()
    {
        using var log = new TestLogger();
        using var request = new Activity("request").Start();
        using (DistlogTask.Start(log.Logger, "first")) { }
        using (DistlogTask.Start(log.Logger, "second")) { }

        var first = log.Events[0].Key();
        var second = log.Events[2].Key();
        Assert.That(first.Root, Is.EqualTo(request.TraceId.ToHexString()));
        Assert.That(second.Root, Is.EqualTo(request.TraceId.ToHexString()));
        Assert.That(first.Path, Does.Match("^/[0-9a-f]{16}$"));
        Assert.That(second.Path, Is.Not.EqualTo(first.Path), "two tasks in one request never share a key");
        Assert.That(Activity.Current, Is.SameAs(request));
    }

    [Test]
    public void StartInsideATaskBeginsANewTraceAndRestoresTheOuterActivity()
    {
        using var log = new TestLogger();
        using (var outer = DistlogTask.Start(log.Logger, "outer"))
        {
            using (DistlogTask.Start(log.Logger, "unrelated")) { }
            Assert.That(Activity.Current, Is.SameAs(outer.Activity));
            Assert.That(DistlogTask.Current, Is.SameAs(outer));
        }

        var roots = log.Events.Select(e => e.Key().Root).Distinct().ToList();
        Assert.That(roots, Has.Count.EqualTo(2));
    }

    [Test]
    public void ImportOfAForeignIdContinuesTheReservedSubtask()
    {
        using var log = new TestLogger();
        string foreignId;
        using (var job = DistlogTask.Start(log.Logger, "job"))
        {
            using (DistlogTask.To("local child")) { }
            foreignId = job.ForeignId();
        }

        // In the other process:
        using (DistlogTask.Import(log.Logger, foreignId, "Continue on {Host}", "b"))
        using (DistlogTask.To("remote child")) { }

        var root = log.Events[0].Key().Root;
        Assert.That(foreignId, Is.EqualTo(root + "/2"));
        var imported = log.Events.Where(e => e.Key().Path.StartsWith("/2/", StringComparison.Ordinal)).ToList();
        var node = imported[0].Key().Path;
        Assert.That(node, Does.Match("^/2/[0-9a-f]{16}$"), "the import is a node of its own under the reserved id");
        Assert.That(imported.Select(e => e.Key().ToString()), Is.EqualTo(new[]
        {
            $"0@{root}{node}", $"0@{root}{node}/1", $"1@{root}{node}/1", $"1@{root}{node}",
        }));
        Assert.That(imported.Select(e => e.TraceId?.ToHexString()), Is.All.EqualTo(root), "the imported task stays in the trace");
    }

    [Test]
    public void ImportingOneForeignIdTwiceGivesEachImportANodeOfItsOwn()
    {
        using var log = new TestLogger();
        string foreignId;
        using (var job = DistlogTask.Start(log.Logger, "job"))
            foreignId = job.ForeignId();

        // A redelivered message: two workers continue the same reserved id, overlapping.
        var first = DistlogTask.Import(log.Logger, foreignId, "first delivery");
        log.Logger.Information("in the first");
        using (var second = DistlogTask.Import(log.Logger, foreignId, "second delivery"))
            log.Logger.Information("in the second");
        first.Dispose();

        var keys = log.Events.Select(e => e.Key().ToString()).ToList();
        Assert.That(keys, Is.Unique);
        var nodes = log.Events.Skip(2).Select(e => e.Key().Id).Distinct().ToList();
        Assert.That(nodes, Has.Count.EqualTo(2));
        Assert.That(nodes, Is.All.StartsWith(foreignId + "/"), "both sort under the reserved id");
        Assert.That(log.Events.Where(e => e.Key().Id == nodes[0]).Select(e => e.Message()),
            Is.EqualTo(new[] { "first delivery", "in the first", "first delivery" }));
    }

    [Test]
    public void ImportOfATraceParentJoinsThatTrace()
    {
        using var log = new TestLogger();
        const string traceParent = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";
        using (var task = DistlogTask.Import(log.Logger, traceParent, "handle request"))
            Assert.That(task.Activity.ParentSpanId.ToHexString(), Is.EqualTo("00f067aa0ba902b7"));

        var key = log.Events[0].Key();
        Assert.That(key.Root, Is.EqualTo("4bf92f3577b34da6a3ce929d0e0e4736"));
        Assert.That(key.Path, Does.Match("^/[0-9a-f]{16}$"));
    }

    [Test]
    public void AnImportedPythonDistlogRootIsKeptAsGiven()
    {
        using var log = new TestLogger();
        using (DistlogTask.Import(log.Logger, "e252a11f-d33d-483d-ba08-bc8f642b2f10/1", "from python")) { }

        Assert.That(log.Events[0].Key().ToString(), Does.Match("^0@e252a11f-d33d-483d-ba08-bc8f642b2f10/1/[0-9a-f]{16}$"));
    }

    [TestCase("")]
    [TestCase("root//1")]
    [TestCase("root/1/")]
    [TestCase("has space/1")]
    public void ImportRejectsAnIdThatIsNeitherATaskIdNorATraceParent(string id)
    {
        using var log = new TestLogger();
        var error = Assert.Throws<ArgumentException>(() => DistlogTask.Import(log.Logger, id, "x"));
        Assert.That(error!.Message, Does.Contain("traceparent"));
        Assert.That(log.Events, Is.Empty);
        Assert.That(DistlogTask.IsForeignId(id), Is.False, "checkable before importing");
    }

    [Test]
    public void IsForeignIdAcceptsWhatImportAccepts()
    {
        using var log = new TestLogger();
        string foreignId;
        using (var job = DistlogTask.Start(log.Logger, "job"))
            foreignId = job.ForeignId();

        Assert.That(DistlogTask.IsForeignId(foreignId), Is.True);
        Assert.That(DistlogTask.IsForeignId("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01"), Is.True);
        Assert.That(DistlogTask.IsForeignId("e252a11f-d33d-483d-ba08-bc8f642b2f10/1"), Is.True);
        Assert.That(DistlogTask.IsForeignId(null), Is.False);
    }
}
