using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Distlog.Collector.Tests.Support;
using Serilog;

namespace Distlog.Collector.Tests.Security;

/// <summary>A real distlogd with <c>security.curve</c>, real certificate files, and clients on real sockets.</summary>
public sealed partial class CurveServerTests
{
    const string Python = "/usr/bin/python3";
    static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    [Test]
    public void ANullClientAnUnknownKeyAndTheWrongServerKeyDeliverNothingAndEachHandshakeIsCounted()
    {
        using var folder = new TempFolder();
        var keys = new CurveKeys(folder);
        var orders = keys.Client("orders");
        var stranger = keys.Client("stranger", admitted: false);
        var ingest = FreePort.Endpoint();
        using var collector = Start(folder, ingest);

        // The Python distlog sender as it is today: a plain PUSH, no CURVE.
        PushWithPython(ingest, [Some.ClefLine(1)]);
        var afterNull = WaitForRefusals(collector, atLeast: 1);
        using (var pusher = new Pusher(ingest, stranger))
            pusher.SendBatch([Some.ClefLine(2)]);
        var afterStranger = WaitForRefusals(collector, atLeast: afterNull + 1);
        using (var pusher = new Pusher(ingest, CurveKeys.WrongServer(orders)))
            pusher.SendBatch([Some.ClefLine(3)]);
        WaitForRefusals(collector, atLeast: afterStranger + 1);
        using (var pusher = new Pusher(ingest, orders))
            pusher.SendBatch(Enumerable.Range(100, 10).Select(n => Some.ClefLine(n)));

        Assert.That(Eventually.Holds(() => Numbers(folder).Count >= 10, Patience), Is.True, collector.Stderr);
        Assert.That(collector.Terminate(), Is.Zero);
        Assert.That(Numbers(folder), Is.EqualTo(Enumerable.Range(100, 10).Select(n => (long)n)), "only the authorised client's events");
        // A client without CURVE is dropped within microseconds of its connection, often before its address can be read.
        Assert.That(collector.Stderr, Does.Match(@"Refused a connection from (127\.0\.0\.1:\d+|an unknown address) to tcp://127\.0\.0\.1:\d+: (a client without CURVE|the client closed the connection during the handshake)"));
        Assert.That(collector.Stderr, Does.Contain("Refused a connection from 127.0.0.1: client key"));
        Assert.That(collector.Stderr, Does.Contain($"client key {stranger.Certificate.PublicKey} is not in authorizedClients"));
        Assert.That(collector.Stderr, Does.Match(@"Shutdown: received 1 messages, accepted 10 events, rejected 0, refused \d+ handshakes"));
    }

    [Test]
    public void AnAuthorisedSerilogLoggerDeliversEveryEventEachCarryingItsClientNameToFileAndCurvePublish()
    {
        const int Count = 1_000;
        using var folder = new TempFolder();
        var keys = new CurveKeys(folder);
        var orders = keys.Client("orders-svc");
        var ingest = FreePort.Endpoint();
        var publish = FreePort.Endpoint();
        using var collector = Start(folder, ingest, $"sink: publish\nargs: {{ endpoint: \"{publish}\" }}");
        using var subscriber = new Subscriber(publish, orders, "PLC/Information/orders");
        using (var pusher = new Pusher(ingest, orders))
            subscriber.Join(pusher);

        using (var logger = new LoggerConfiguration()
            .WriteTo.Distlog(ingest, application: "orders", whenFull: DistlogWhenFull.Block,
                serverKey: folder.Combine("keys", "distlogd"), clientCertificate: folder.Combine("keys", "orders-svc_secret"))
            .CreateLogger())
        {
            for (var n = 0; n < Count; n++)
                logger.Information("Event {N}", n);
        }

        var published = new List<JsonObject>();
        while (published.Count < Count && subscriber.Receive(Patience) is { } message)
            published.Add(JsonNode.Parse(message.Clef)!.AsObject());
        Assert.That(Eventually.Holds(() => Numbers(folder).Count >= Count, Patience), Is.True, collector.Stderr);
        Assert.That(collector.Terminate(), Is.Zero);
        var lines = Orders(folder);
        Assert.That(Stored.Numbers(lines), Is.EqualTo(Enumerable.Range(0, Count).Select(n => (long)n)));
        Assert.That(lines.Select(l => (string?)l["ClientName"]), Is.All.EqualTo("orders-svc"));
        Assert.That(published.Select(e => (string?)e["ClientName"]), Is.All.EqualTo("orders-svc"));
        Assert.That(published, Has.Count.EqualTo(Count));
    }

    [Test]
    public void APyzmqClientWithTheKeysOfKeygensCertificatesIsAdmitted()
    {
        using var folder = new TempFolder();
        var keys = new CurveKeys(folder);
        keys.Client("python-worker");
        var ingest = FreePort.Endpoint();
        using var collector = Start(folder, ingest);

        PushWithPython(ingest, [Some.ClefLine(7), Some.ClefLine(8)], (keys.Server.PublicKey, folder.Combine("keys", "python-worker_secret")));

        Assert.That(Eventually.Holds(() => Numbers(folder).Count >= 2, Patience), Is.True, collector.Stderr);
        Assert.That(Orders(folder).Select(l => (string?)l["ClientName"]), Is.All.EqualTo("python-worker"));
    }

    [Test]
    public void APublishSubscriberWithoutCurveHearsNothing()
    {
        using var folder = new TempFolder();
        var keys = new CurveKeys(folder);
        var orders = keys.Client("orders");
        var ingest = FreePort.Endpoint();
        var publish = FreePort.Endpoint();
        using var collector = Start(folder, ingest, $"sink: publish\nargs: {{ endpoint: \"{publish}\" }}");
        using var plain = new Subscriber(publish, "PLC");

        using (var pusher = new Pusher(ingest, orders))
        {
            for (var i = 0; i < 10; i++)
                pusher.SendBatch([Some.ClefLine(i)]);
        }

        Assert.That(Eventually.Holds(() => Numbers(folder).Count >= 10, Patience), Is.True, collector.Stderr);
        Assert.That(plain.Receive(TimeSpan.FromSeconds(1)), Is.Null);
        Assert.That(WaitForRefusals(collector, atLeast: 1), Is.GreaterThanOrEqualTo(1));
    }

    [Test]
    public void AClientRestrictedToOrdersCannotWriteBillingAndTheRefusalsAreCounted()
    {
        using var folder = new TempFolder();
        var keys = new CurveKeys(folder);
        var orders = keys.Client("orders-only", applications: "orders");
        var ingest = FreePort.Endpoint();
        using var collector = Start(folder, ingest);

        using (var pusher = new Pusher(ingest, orders))
        {
            pusher.SendBatch(Enumerable.Range(0, 5).Select(n => Some.ClefLine(n, application: "orders")));
            pusher.SendBatch(Enumerable.Range(5, 5).Select(n => Some.ClefLine(n, application: "billing")));
            pusher.SendBatch([Some.ClefLine(10, application: null), Some.ClefLine(11, application: "orders")]);
        }

        Assert.That(Eventually.Holds(() => Numbers(folder).Count >= 6, Patience), Is.True, collector.Stderr);
        Assert.That(collector.Terminate(), Is.Zero);
        Assert.That(Numbers(folder), Is.EqualTo(new long[] { 0, 1, 2, 3, 4, 11 }));
        Assert.That(collector.Stderr, Does.Contain("rejected 6 (ApplicationNotAllowed 6)"));
        Assert.That(collector.Stderr, Does.Contain("an event of application 'billing' from client 'orders-only', whose certificate allows orders"));
    }

    [Test]
    public void AClientsOwnClientNameIsReplacedAndAnUnnamedCertificateNamesItsKey()
    {
        using var folder = new TempFolder();
        var keys = new CurveKeys(folder);
        var anonymous = keys.Client("anonymous", named: false);
        var ingest = FreePort.Endpoint();
        using var collector = Start(folder, ingest);

        using (var pusher = new Pusher(ingest, anonymous))
        {
            pusher.SendBatch([
                "{\"ClientName\":\"admin\"," + Some.ClefLine(1)[1..],
                "{\"Client\\u004eame\":\"admin\"," + Some.ClefLine(2)[1..],
                Some.ClefLine(3),
            ]);
        }

        Assert.That(Eventually.Holds(() => Numbers(folder).Count >= 3, Patience), Is.True, collector.Stderr);
        var raw = File.ReadAllText(Directory.GetFiles(folder.Combine("logs"), "*.clef").Single());
        Assert.That(raw, Does.Not.Contain("admin"));
        Assert.That(Orders(folder).Select(l => (string?)l["ClientName"]), Is.All.EqualTo(anonymous.Certificate.PublicKey));
    }

    [Test]
    public void AKeyRemovedFromAuthorizedClientsIsRefusedAfterSighupEvenOnItsOpenConnection()
    {
        using var folder = new TempFolder();
        var keys = new CurveKeys(folder);
        var leaving = keys.Client("leaving");
        var ingest = FreePort.Endpoint();
        using var collector = Start(folder, ingest);
        using var pusher = new Pusher(ingest, leaving);
        pusher.SendBatch([Some.ClefLine(1)]);
        Assert.That(Eventually.Holds(() => Numbers(folder).Count >= 1, Patience), Is.True, collector.Stderr);

        File.Delete(keys.ClientPath("leaving"));
        Signals.Send(collector.Id, Signals.SigHup);
        Assert.That(collector.WaitForStderr("Reloaded authorizedClients", Patience), Is.True, collector.Stderr);
        pusher.SendBatch([Some.ClefLine(2)]);
        using (var again = new Pusher(ingest, leaving))
            again.SendBatch([Some.ClefLine(3)]);

        Assert.That(collector.WaitForStderr("UnknownClient 1", Patience), Is.True, collector.Stderr);
        WaitForRefusals(collector, atLeast: 1);
        Assert.That(collector.Terminate(), Is.Zero);
        Assert.That(Numbers(folder), Is.EqualTo(new long[] { 1 }));
    }

    [TestCase("keys/missing_secret", "keys/clients", "security.curve.serverCertificate")]
    [TestCase("keys/distlogd", "keys/clients", "is a public certificate")]
    [TestCase("keys/distlogd_secret", "keys/nowhere", "security.curve.authorizedClients: 'keys/nowhere' is not a folder")]
    public void ACertificateOrFolderThatCannotBeUsedStopsStartUpNamingTheKey(string server, string clients, string message)
    {
        using var folder = new TempFolder();
        _ = new CurveKeys(folder);
        var yaml = Some.Yaml(FreePort.Endpoint(), "sink: console") + $"security:\n  curve:\n    serverCertificate: {server}\n    authorizedClients: {clients}\n";

        using var collector = CollectorProcess.Start(folder, yaml);

        Assert.That(collector.WaitForExit(TimeSpan.FromSeconds(30)), Is.EqualTo(2));
        Assert.That(collector.Stderr, Does.StartWith("distlogd: distlogd.yaml:").And.Contain(message));
    }

    static ChildProcess Start(TempFolder folder, string ingest, params string[] plugins) =>
        CollectorProcess.StartReady(folder,
            Some.Yaml(ingest, ["sink: file\nargs: { path: logs/events.clef, rollingInterval: Infinite }", .. plugins]) + CurveKeys.Yaml,
            "--stats-interval", "250ms");

    static long WaitForRefusals(ChildProcess collector, long atLeast)
    {
        long refused = 0;
        Eventually.Holds(() => (refused = collector.LastStderrMatch(Refusals()) is { } m ? long.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) : 0) >= atLeast, Patience);
        Assert.That(refused, Is.GreaterThanOrEqualTo(atLeast), collector.Stderr);
        return refused;
    }

    /// <summary>The events in the file, without the subscriber's probes.</summary>
    static List<JsonObject> Orders(TempFolder folder) =>
        Directory.Exists(folder.Combine("logs")) ? Stored.ClefLines(folder.Combine("logs")).Where(l => (string?)l["Application"] != "probe").ToList() : [];

    static List<long> Numbers(TempFolder folder) => Stored.Numbers(Orders(folder));

    /// <summary>Sends one batch from pyzmq: a plain PUSH, or with <paramref name="curve"/> CURVE, its keys read from the secret certificate file.</summary>
    static void PushWithPython(string endpoint, IEnumerable<string> lines, (string ServerKey, string SecretCertificate)? curve = null)
    {
        const string script = """
            import re, sys, time, zmq
            def key(path, name):
                return re.search(name + r' = "(.{40})"', open(path).read()).group(1).encode()
            push = zmq.Context().socket(zmq.PUSH)
            push.setsockopt(zmq.LINGER, 1000)
            if len(sys.argv) > 3:
                push.curve_serverkey = sys.argv[3].encode()
                push.curve_publickey = key(sys.argv[4], "public-key")
                push.curve_secretkey = key(sys.argv[4], "secret-key")
            push.connect(sys.argv[1])
            push.send_multipart([b"PLC", sys.argv[2].encode()])
            time.sleep(0.5)
            push.close()
            """;
        string[] args = ["-c", script, endpoint, string.Join("\n", lines)];
        if (curve is { } keys)
            args = [.. args, keys.ServerKey, keys.SecretCertificate];
        using var peer = new ChildProcess(ChildProcess.StartInfo(Python, args), "python pusher");
        Assert.That(peer.WaitForExit(TimeSpan.FromSeconds(30)), Is.Zero, peer.Stderr);
    }

    [GeneratedRegex(@"refused (\d+) handshakes")]
    private static partial Regex Refusals();
}
