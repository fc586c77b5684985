using System.Diagnostics;
using Distlog.Serilog.Tests.Support;

namespace Distlog.Serilog.Tests.Tasks;

/// <summary>What a task sends with a plain HttpClient request, and how a task inside a request continues it.</summary>
public sealed class TaskHttpCallTests
{
    [Test]
    public async Task EachRequestFromATaskCarriesAChildIdOfItsOwnInTraceState()
    {
        using var log = new TestLogger();
        using var server = new HeaderRecorder();
        using var http = new HttpClient();
        string id;
        using (var task = DistlogTask.Start(log.Logger, "caller"))
        {
            id = task.Id;
            await http.GetStringAsync(server.Url);
            await http.GetStringAsync(server.Url);
            using (DistlogTask.To(log.Logger, "subtask")) { }
        }

        var requests = server.Requests;
        Assert.That(requests.Select(r => r["tracestate"]), Is.EqualTo(new[] { $"distlog={id}/1", $"distlog={id}/2" }));
        Assert.That(requests.Select(r => r["traceparent"]), Is.All.Contains(id[..32]), "the same trace");
        Assert.That(log.Events.First(e => e.Message() == "subtask").Key().Path, Is.EqualTo("/3"), "calls and subtasks share the task's child numbers");
    }

    [Test]
    public async Task ARequestOutsideAnyTaskCarriesNoTaskId()
    {
        using var server = new HeaderRecorder();
        using var http = new HttpClient();
        using (new Activity("request").Start())
            await http.GetStringAsync(server.Url);

        Assert.That(server.Requests.Single().ContainsKey("traceparent"), Is.True);
        Assert.That(server.Requests.Single().GetValueOrDefault("tracestate") ?? "", Does.Not.Contain("distlog="));
    }

    [Test]
    public async Task OnlyPropagatedBindingsTravelAsBaggage()
    {
        using var log = new TestLogger();
        using var server = new HeaderRecorder();
        using var http = new HttpClient();
        using (var task = DistlogTask.Start(log.Logger, "caller"))
        {
            task.Bind("Tenant", "acme", propagate: true);
            task.Bind("User", "leo");
            await http.GetStringAsync(server.Url);
        }

        var headers = server.Requests.Single();
        // .NET writes W3C baggage with spaces around "=", as the format allows.
        Assert.That(headers.GetValueOrDefault("baggage")?.Replace(" ", ""), Is.EqualTo("Tenant=acme"), string.Join("\n", headers));
        Assert.That(log.Events[1].Scalar("Tenant"), Is.EqualTo("acme"), "bound here as well");
    }

    [Test]
    public void ATaskInsideARequestNestsUnderTheIdItsCallerReservedAndBindsTheBaggage()
    {
        using var log = new TestLogger();
        // As ASP.NET Core starts a request's activity from traceparent, tracestate and baggage.
        using var request = new Activity("request")
            .SetParentId(ActivityTraceId.CreateRandom(), ActivitySpanId.CreateRandom(), ActivityTraceFlags.Recorded);
        request.TraceStateString = "congo=t61rcWkgMzE,distlog=e252a11f-d33d-483d-ba08-bc8f642b2f10/4";
        request.SetBaggage("Tenant", "acme");
        request.Start();
        using (DistlogTask.To(log.Logger, "first")) { }
        using (DistlogTask.To(log.Logger, "second")) { }

        var first = log.Events[0].Key();
        var second = log.Events[2].Key();
        Assert.That(first.ToString(), Does.Match("^0@e252a11f-d33d-483d-ba08-bc8f642b2f10/4/[0-9a-f]{16}$"));
        Assert.That(second.Id, Is.Not.EqualTo(first.Id), "two tasks in one request never share a key");
        Assert.That(log.Events.Select(e => e.Scalar("Tenant")), Is.All.EqualTo("acme"));
    }
}
