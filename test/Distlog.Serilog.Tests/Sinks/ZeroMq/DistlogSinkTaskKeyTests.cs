using Distlog.Clef;
using Distlog.Serilog.Tests.Support;
using Serilog;

namespace Distlog.Serilog.Tests.Sinks.ZeroMq;

/// <summary>Task keys at the Distlog sink whether or not the logger has <c>Enrich.FromLogContext()</c>.</summary>
public sealed class DistlogSinkTaskKeyTests
{
    static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    [TestCase(true)]
    [TestCase(false)]
    public void EventsInsideTasksReachTheSinkWithTheirKeysEitherWay(bool fromLogContext)
    {
        using var receiver = new PullReceiver();
        var configuration = new LoggerConfiguration();
        if (fromLogContext)
            configuration.Enrich.FromLogContext();
        string root;
        using (var logger = configuration.WriteTo.Distlog(receiver.Endpoint, controlEndpoint: receiver.ControlEndpoint).CreateLogger())
        {
            using (var job = DistlogTask.Start(logger, "job"))
            {
                root = job.Id;
                job.Bind("User", "leo");
                logger.Information("in the task");
                using (DistlogTask.To("sub"))
                    logger.Information("in the subtask");
            }
            logger.Information("outside");
        }

        Assert.That(receiver.WaitForLines(7, Patience), Is.True);
        var events = receiver.Lines.Select(ClefReader.Read).ToList();
        Assert.That(events.Select(e => e.Scalar("TaskKey")), Is.EqualTo(new object?[]
        {
            $"0@{root}", $"1@{root}", $"0@{root}/1", $"1@{root}/1", $"2@{root}/1", $"2@{root}", null,
        }));
        Assert.That(events.Skip(1).Take(5).Select(e => e.Scalar("User")), Is.All.EqualTo("leo"), "bound after the started event");
    }

    [Test]
    public void OtherSinksSeeTheEventAsItWasAndTwoDistlogSinksSeeOneKey()
    {
        using var first = new PullReceiver();
        using var second = new PullReceiver();
        var other = new CollectingSink();
        using (var logger = new LoggerConfiguration()
                   .WriteTo.Distlog(first.Endpoint, controlEndpoint: first.ControlEndpoint)
                   .WriteTo.Sink(other)
                   .WriteTo.Distlog(second.Endpoint, controlEndpoint: second.ControlEndpoint)
                   .CreateLogger())
        {
            using (DistlogTask.Start(logger, "job"))
                logger.Information("in the task");
        }

        Assert.That(first.WaitForLines(3, Patience) && second.WaitForLines(3, Patience), Is.True);
        Assert.That(second.Lines.Select(l => ClefReader.Read(l).Scalar("TaskKey")),
            Is.EqualTo(first.Lines.Select(l => ClefReader.Read(l).Scalar("TaskKey"))));
        Assert.That(ClefReader.Read(first.Lines[1]).Scalar("TaskKey"), Does.StartWith("1@"));
        Assert.That(other.Events.Single(e => e.MessageTemplate.Text == "in the task").Properties, Does.Not.ContainKey("TaskKey"),
            "the sink keys a copy; a sink of its own needs Enrich.FromLogContext()");
    }
}
