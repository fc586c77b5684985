using Distlog.Serilog.Tests.Support;

namespace Distlog.Serilog.Tests.Tasks;

/// <summary>Bindings made with <c>propagate: true</c>, through <c>ForeignId</c> and <c>Import</c>.</summary>
public sealed class TaskBaggageTests
{
    [Test]
    public void APropagatedBindingTravelsInTheForeignIdAndTheImportBindsIt()
    {
        using var log = new TestLogger();
        const string value = "acme, Inc.; 50% = é";
        string foreignId, jobId;
        using (var job = DistlogTask.Start(log.Logger, "job"))
        {
            jobId = job.Id;
            job.Bind("Tenant", value, propagate: true);
            job.Bind("User", "leo");
            foreignId = job.ForeignId();
        }

        Assert.That(foreignId, Does.StartWith(jobId + "/1;"));
        Assert.That(DistlogTask.IsForeignId(foreignId), Is.True);
        using (var imported = DistlogTask.Import(log.Logger, foreignId, "continue"))
        {
            log.Logger.Information("inside");
            using (DistlogTask.To(log.Logger, "below")) { }
        }

        var importEvents = log.Events.Skip(2).ToList();
        Assert.That(importEvents.Select(e => e.Key().Id), Is.All.StartsWith(jobId + "/1/"), "the id before the baggage is the task's");
        Assert.That(importEvents.Select(e => e.Scalar("Tenant")), Is.All.EqualTo(value));
        Assert.That(importEvents.Select(e => e.Scalar("User")), Is.All.Null, "a binding without propagate stays home");
    }

    [Test]
    public void ATaskWithNothingToPropagateHandsOutTheIdAlone()
    {
        using var log = new TestLogger();
        using var job = DistlogTask.Start(log.Logger, "job");
        job.Bind("User", "leo");
        Assert.That(job.ForeignId(), Is.EqualTo(job.Id + "/1"));
    }

    [Test]
    public void AnImportPassesItsBaggageOnInItsOwnForeignIds()
    {
        using var log = new TestLogger();
        using var imported = DistlogTask.Import(log.Logger, "e252a11f-d33d-483d-ba08-bc8f642b2f10/1;Tenant=acme,Region=eu%2Dwest", "continue");
        Assert.That(imported.ForeignId(), Does.Match("^e252a11f-d33d-483d-ba08-bc8f642b2f10/1/[0-9a-f]{16}/1;Tenant=acme,Region=eu-west$"));
        Assert.That(log.Events[0].Scalar("Region"), Is.EqualTo("eu-west"));
    }

    [Test]
    public void PropagatedBindingsFromManyThreadsAtOnceAllTravel()
    {
        using var log = new TestLogger();
        using var job = DistlogTask.Start(log.Logger, "job");
        Parallel.For(0, 1000, i => job.Bind("P" + i, i, propagate: true));

        var baggage = job.ForeignId().Split(';')[1].Split(',');
        Assert.That(baggage, Has.Length.EqualTo(1000));
        Assert.That(baggage, Is.Unique);
    }
}
