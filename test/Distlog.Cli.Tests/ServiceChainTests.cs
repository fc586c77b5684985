using Distlog.Clef;
using Distlog.Cli.Filtering;
using Distlog.Cli.Tests.Support;
using Distlog.Tasks;
using Microsoft.Data.Sqlite;
using Serilog.Events;

namespace Distlog.Cli.Tests;

/// <summary>
/// Three real ASP.NET Core services on loopback, each a child process that opens a task with <c>DistlogTask.To</c> in
/// its handler and calls the next with a plain HttpClient: A calls B once, B calls C twice. All log to a real distlogd.
/// </summary>
public sealed class ServiceChainTests
{
    [Test]
    public void ServicesThatCallEachOtherOverHttpFormOneTreeNestedByTheirCalls()
    {
        using var folder = new TempFolder();
        using (var collector = SqliteCollector.Start(folder, out var ingest))
        {
            using (var serviceC = RelayProcess.Start("C", ingest))
            using (var serviceB = RelayProcess.Start("B", ingest, next: serviceC.Url, calls: 2))
            using (var serviceA = RelayProcess.Start("A", ingest, next: serviceB.Url, bind: "Tenant=acme"))
            {
                using var http = new HttpClient();
                Assert.That(http.GetStringAsync(serviceA.Url + "/work").GetAwaiter().GetResult(), Is.EqualTo("A"));
                serviceA.Stop();
                serviceB.Stop();
                serviceC.Stop();
            }

            Assert.That(collector.Terminate(TimeSpan.FromSeconds(30)), Is.EqualTo(0), collector.Stderr);
        }

        var db = folder.Combine("distlog.db");
        var events = ReadStore(db);
        // A: started, at work, heard B, succeeded; B: started, at work, heard C twice, succeeded; each C: three.
        Assert.That(events, Has.Count.EqualTo(15), string.Join("\n", events.Select(e => $"{e.Application} {e.Key}")));
        Assert.That(events.Select(e => e.Key.Root).Distinct(), Has.Exactly(1).Items, "one root");
        Assert.That(events.Select(e => e.Key.ToString()), Is.Unique);

        var a = TaskOf(events, "A").Single();
        var b = TaskOf(events, "B").Single();
        var cs = TaskOf(events, "C").OrderBy(id => id, StringComparer.Ordinal).ToList();
        Assert.That(b, Does.Match("^" + a + "/1/[0-9a-f]{16}$"), "B nests under the child A reserved for its call");
        Assert.That(cs, Has.Count.EqualTo(2));
        Assert.That(cs[0], Does.Match("^" + b + "/1/[0-9a-f]{16}$"), "the first call from B");
        Assert.That(cs[1], Does.Match("^" + b + "/2/[0-9a-f]{16}$"), "the second call from B has a node of its own");

        // A bound Tenant with propagate: true; it travelled as W3C baggage through B to C.
        Assert.That(events.Where(e => e.Application != "A").Select(e => e.Tenant), Is.All.EqualTo("acme"));

        var tree = CliRun.Run("tree", "--db", db);
        Assert.That(tree.ExitCode, Is.EqualTo(0), tree.ToString());
        TestContext.Out.WriteLine(tree.Output);
        var lines = tree.OutputLines;
        Assert.That(lines.Count(l => !l.StartsWith(' ') && !l.StartsWith('└') && !l.StartsWith('├') && !l.StartsWith('│') && l.Length > 0),
            Is.EqualTo(1), "one tree:\n" + tree.Output);
        var depthA = Depth(lines.Single(l => l.Contains("✓ \"A\" handles a call", StringComparison.Ordinal)));
        var depthB = Depth(lines.Single(l => l.Contains("✓ \"B\" handles a call", StringComparison.Ordinal)));
        var depthsC = lines.Where(l => l.Contains("✓ \"C\" handles a call", StringComparison.Ordinal)).Select(Depth).ToList();
        Assert.That(depthB, Is.GreaterThan(depthA), tree.Output);
        Assert.That(depthsC, Has.Count.EqualTo(2).And.All.GreaterThan(depthB), tree.Output);
    }

    static IEnumerable<string> TaskOf(IEnumerable<StoredEvent> events, string application) =>
        events.Where(e => e.Application == application && e.Key.Sequence == 0).Select(e => e.Key.Id);

    /// <summary>Where the node's text starts: the tree draws each level four columns further in.</summary>
    static int Depth(string line) => line.IndexOf('✓', StringComparison.Ordinal);

    static List<StoredEvent> ReadStore(string path)
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
        connection.Open();
        using var select = connection.CreateCommand();
        select.CommandText = "SELECT application, clef FROM events ORDER BY id";
        using var reader = select.ExecuteReader();
        var events = new List<StoredEvent>();
        while (reader.Read())
        {
            var logEvent = ClefReader.Read(reader.GetString(1));
            Assert.That(EventFields.TryGetTaskKey(logEvent, out var key), Is.True, reader.GetString(1));
            events.Add(new StoredEvent(reader.GetString(0), key, EventFields.GetText(logEvent, "Tenant"), logEvent));
        }
        return events;
    }

    sealed record StoredEvent(string Application, TaskKey Key, string? Tenant, LogEvent Event);
}
