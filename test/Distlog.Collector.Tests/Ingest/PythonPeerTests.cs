using Distlog.Collector.Tests.Support;

namespace Distlog.Collector.Tests.Ingest;

public sealed class PythonPeerTests
{
    const string Python = "/usr/bin/python3";

    [Test]
    public void RecordsFromPythonDistlogAreStoredWithTheirKeysAndLevelsMapped()
    {
        using var folder = new TempFolder();
        var ingest = FreePort.Endpoint();
        using var collector = CollectorProcess.StartReady(folder, Some.Yaml(ingest, "sink: sqlite\nargs: { path: logs/distlog.db }"));
        const string root = "e252a11f-d33d-483d-ba08-bc8f642b2f10";

        RunPeer(ingest, root);

        var db = folder.Combine("logs", "distlog.db");
        Assert.That(Eventually.Holds(() => Stored.SqliteRows(db).Count >= 5), Is.True, collector.Stderr);
        var rows = Stored.SqliteRows(db);
        Assert.That(rows.Select(r => (r.Message, r.Level, r.TaskKey)), Is.EqualTo(new[]
        {
            ("toplevel job", 2, $"0@{root}"),
            ("into subtask", 3, $"0@{root}/1"),
            ("subtask failed", 4, $"1@{root}/1"),
            ("details {not a template}", 1, $"2@{root}/1"),
            ("all done", 2, (string?)null),
        }));
        Assert.That(rows.Take(4).Select(r => r.Root), Is.All.EqualTo(root));
        Assert.That(rows.Select(r => r.System), Is.All.EqualTo("P"));
        Assert.That(rows[2].Exception, Does.StartWith("Traceback (most recent call last):").And.Contain("ZeroDivisionError"));
        Assert.That(rows[0].Clef, Does.Contain("\"user\":\"leo\"").And.Contain("\"SourceContext\":\"peer\""));
    }

    [Test]
    public void APythonSubscriberFollowsThePublishStreamByTopicPrefix()
    {
        // The publish socket is an XPUB; to a foreign ZeroMQ SUB it must be the PUB of the contract (port 5011 in DESIGN).
        using var folder = new TempFolder();
        var ingest = FreePort.Endpoint();
        var publish = FreePort.Endpoint();
        using var collector = CollectorProcess.StartReady(folder, Some.Yaml(ingest, $"sink: publish\nargs: {{ endpoint: \"{publish}\" }}"));
        const string script = """
            import sys, zmq
            sub = zmq.Context().socket(zmq.SUB)
            sub.setsockopt(zmq.SUBSCRIBE, b"PLC/Error/")
            sub.setsockopt(zmq.RCVTIMEO, 30000)
            sub.connect(sys.argv[1])
            topic, event = sub.recv_multipart()
            print(topic.decode()); print(event.decode())
            """;
        using var subscriber = new ChildProcess(ChildProcess.StartInfo(Python, ["-c", script, publish]), "python subscriber");
        using var pusher = new Pusher(ingest);

        // Until the subscription has reached distlogd, what it publishes goes to nobody: send until the subscriber has one.
        while (!subscriber.Exits(TimeSpan.FromMilliseconds(100)))
            pusher.SendBatch([Some.ClefLine(1, level: "Information"), Some.ClefLine(2, level: "Error")]);

        Assert.That(subscriber.ExitCode, Is.Zero, subscriber.Stderr);
        var lines = subscriber.StdoutLines;
        Assert.That(lines[0], Is.EqualTo("PLC/Error/orders"));
        Assert.That(Stored.Numbers([System.Text.Json.Nodes.JsonNode.Parse(lines[1])!.AsObject()]), Is.EqualTo(new[] { 2L }));
    }

    static void RunPeer(string endpoint, string root)
    {
        var script = Path.Combine(AppContext.BaseDirectory, "Ingest", "python_peer.py");
        using var peer = new ChildProcess(ChildProcess.StartInfo(Python, [script, endpoint, root]), "python peer");
        Assert.That(peer.WaitForExit(TimeSpan.FromSeconds(30)), Is.Zero, peer.Stderr);
    }
}
