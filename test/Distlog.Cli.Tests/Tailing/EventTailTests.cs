using Distlog.Cli.Tests.Support;

namespace Distlog.Cli.Tests.Tailing;

public sealed class EventTailTests
{
    const string Root = ClefText.Root;

    static string Warm(string level = "Information", string app = "orders", string? taskKey = null) =>
        ClefText.Line(TailSession.WarmUpText, level: level == "Information" ? null : level, app: app, taskKey: taskKey);

    static string Event(string message, string level = "Information", string app = "orders", string? taskKey = null, string? status = null) =>
        ClefText.Line(message, level: level == "Information" ? null : level, app: app, taskKey: taskKey, status: status);

    [Test]
    public async Task ClefFormatWritesEachPublishedEventByteForByte()
    {
        using var publisher = new Publisher();
        var tail = new TailSession(["--endpoint", publisher.Endpoint, "--format", "clef"]);
        tail.WarmUp(publisher, TailSession.Topic("Information", "orders"), Warm());

        var lines = new[] { Event("one"), Event("two \u001b[2J é", "Error"), Event("sentinel") };
        publisher.Publish(TailSession.Topic("Information", "orders"), lines[0]);
        publisher.Publish(TailSession.Topic("Error", "orders"), lines[1]);
        publisher.Publish(TailSession.Topic("Information", "orders"), lines[2]);
        tail.WaitFor("sentinel");

        Assert.That(await tail.StopAsync(), Is.EqualTo(0), tail.Error);
        Assert.That(tail.Output, Is.EqualTo(string.Join("\n", lines) + "\n"));
    }

    [Test]
    public async Task RedirectedOutputDefaultsToClefAndATerminalToColouredText()
    {
        using var publisher = new Publisher();
        var redirected = new TailSession(["--endpoint", publisher.Endpoint]);
        var terminal = new TailSession(["--endpoint", publisher.Endpoint], redirected: false);
        redirected.WarmUp(publisher, TailSession.Topic("Information", "orders"), Warm());
        terminal.WarmUp(publisher, TailSession.Topic("Information", "orders"), Warm());

        publisher.Publish(TailSession.Topic("Warning", "orders"), Event("sentinel \u001b[2J", "Warning"));
        redirected.WaitFor("sentinel");
        terminal.WaitFor("sentinel");
        await redirected.StopAsync();
        await terminal.StopAsync();

        Assert.That(redirected.Output, Does.StartWith("{\"@t\":"));
        Assert.That(terminal.Output, Is.EqualTo("[\u001b[90m10:00:00\u001b[0m \u001b[33mWRN\u001b[0m] sentinel \\x1B[2J\n"));
    }

    [Test]
    public async Task TextFormatUsesTheTemplate()
    {
        using var publisher = new Publisher();
        var tail = new TailSession(["--endpoint", publisher.Endpoint, "--format", "text", "--template", "{@l:u3} {Application} {@m}\n"]);
        tail.WarmUp(publisher, TailSession.Topic("Information", "orders"), Warm());
        publisher.Publish(TailSession.Topic("Error", "orders"), Event("sentinel", "Error"));
        tail.WaitFor("sentinel");
        await tail.StopAsync();
        Assert.That(tail.Output, Is.EqualTo("ERR orders sentinel\n"));
    }

    [Test]
    public async Task TreeFormatDrawsATreeWhenItsRootCompletes()
    {
        using var publisher = new Publisher();
        var tail = new TailSession(["--endpoint", publisher.Endpoint, "--format", "tree", "--ascii"]);
        tail.WarmUp(publisher, TailSession.Topic("Information", "orders"), Warm());

        var topic = TailSession.Topic("Information", "orders");
        publisher.Publish(topic, Event("Job", taskKey: $"0@{Root}", status: "Started"));
        publisher.Publish(topic, Event("Step", taskKey: $"0@{Root}/1", status: "Started"));
        publisher.Publish(topic, Event("Job", taskKey: $"1@{Root}", status: "Succeeded"));
        tail.WaitFor("=> succeeded");
        await tail.StopAsync();

        Assert.That(tail.Output, Is.EqualTo(
            $"\n{Root}\n" +
            "`-- + Job in 0.000s [orders]\n" +
            "    |-- 10:00:00.000 INF Job => started\n" +
            "    |-- 10:00:00.000 INF Job => succeeded\n" +
            "    `-- ... Step in 0.000s\n" +
            "        `-- 10:00:00.000 INF Step => started\n"));
    }

    [Test]
    public async Task LevelSubscribesToThatLevelAndAboveOnEverySystem()
    {
        using var publisher = new Publisher();
        var tail = new TailSession(["--endpoint", publisher.Endpoint, "--level", "Warning", "--format", "text", "--template", "{@m}\n"]);
        tail.WarmUp(publisher, TailSession.Topic("Warning", "orders"), Warm("Warning"));

        publisher.Publish(TailSession.Topic("Information", "orders"), Event("info"));
        publisher.Publish(TailSession.Topic("Debug", "orders"), Event("debug", "Debug"));
        publisher.Publish(TailSession.Topic("Error", "billing", 'S'), Event("staging error", "Error", "billing"));
        publisher.Publish(TailSession.Topic("Fatal", "orders", 'T'), Event("test fatal", "Fatal"));
        publisher.Publish(TailSession.Topic("Warning", "orders"), Event("sentinel", "Warning"));
        tail.WaitFor("sentinel");
        await tail.StopAsync();

        Assert.That(tail.Output, Is.EqualTo("staging error\ntest fatal\nsentinel\n"));
    }

    [Test]
    public async Task AFilterExpressionIsCheckedOnEachArrivingEvent()
    {
        using var publisher = new Publisher();
        var tail = new TailSession(["--endpoint", publisher.Endpoint, "--filter", "@l = 'Error' or @m = 'sentinel'", "--format", "text", "--template", "{@m}\n"]);
        tail.WarmUp(publisher, TailSession.Topic("Error", "orders"), Warm("Error"));

        publisher.Publish(TailSession.Topic("Information", "orders"), Event("info"));
        publisher.Publish(TailSession.Topic("Error", "billing"), Event("billing error", "Error", "billing"));
        publisher.Publish(TailSession.Topic("Information", "orders"), Event("sentinel"));
        tail.WaitFor("sentinel");
        await tail.StopAsync();

        Assert.That(tail.Output, Does.EndWith("billing error\nsentinel\n"));
        Assert.That(tail.Output, Does.Not.Contain("info"));
    }

    [Test]
    public async Task AppMatchesTheApplicationExactlyThoughTheTopicPrefixWouldNot()
    {
        using var publisher = new Publisher();
        var tail = new TailSession(["--endpoint", publisher.Endpoint, "--app", "orders", "--format", "text", "--template", "{@m}\n"]);
        tail.WarmUp(publisher, TailSession.Topic("Information", "orders"), Warm());

        publisher.Publish(TailSession.Topic("Information", "orders-eu"), Event("other app", app: "orders-eu"));
        publisher.Publish(TailSession.Topic("Error", "billing"), Event("billing", "Error", "billing"));
        publisher.Publish(TailSession.Topic("Verbose", "orders"), Event("verbose", "Verbose"));
        publisher.Publish(TailSession.Topic("Information", "orders"), Event("sentinel"));
        tail.WaitFor("sentinel");
        await tail.StopAsync();

        Assert.That(tail.Output, Is.EqualTo("verbose\nsentinel\n"));
    }

    [Test]
    public async Task TaskKeepsOnlyEventsOfThatTree()
    {
        using var publisher = new Publisher();
        var tail = new TailSession(["--endpoint", publisher.Endpoint, "--task", Root, "--format", "text", "--template", "{@m}\n"]);
        var topic = TailSession.Topic("Information", "orders");
        tail.WarmUp(publisher, topic, Warm(taskKey: $"9@{Root}"));

        publisher.Publish(topic, Event("outside"));
        publisher.Publish(topic, Event("other tree", taskKey: "0@00000000000000000000000000000001"));
        publisher.Publish(topic, Event("subtask", taskKey: $"0@{Root}/4"));
        publisher.Publish(topic, Event("sentinel", taskKey: $"1@{Root}"));
        tail.WaitFor("sentinel");
        await tail.StopAsync();

        Assert.That(tail.Output, Is.EqualTo("subtask\nsentinel\n"));
    }

    [Test]
    public async Task SystemFollowsOnlyThatSystem()
    {
        using var publisher = new Publisher();
        var tail = new TailSession(["--endpoint", publisher.Endpoint, "--system", "s", "--format", "text", "--template", "{@m}\n"]);
        tail.WarmUp(publisher, TailSession.Topic("Information", "orders", 'S'), Warm());

        publisher.Publish(TailSession.Topic("Information", "orders", 'P'), Event("production"));
        publisher.Publish(TailSession.Topic("Information", "orders", 'S'), Event("sentinel"));
        tail.WaitFor("sentinel");
        await tail.StopAsync();

        Assert.That(tail.Output, Is.EqualTo("sentinel\n"));
    }

    [Test]
    public async Task CountStopsTheTailByItselfWithExitCodeZero()
    {
        using var publisher = new Publisher();
        var tail = new TailSession(["--endpoint", publisher.Endpoint, "--count", "3", "--format", "clef"]);
        var line = Event("again");
        tail.Publish(publisher, TailSession.Topic("Information", "orders"), line, until: _ => tail.Run.IsCompleted);

        Assert.That(await tail.Run, Is.EqualTo(0), tail.Error);
        Assert.That(tail.RawOutput, Is.EqualTo(string.Concat(Enumerable.Repeat(line + "\n", 3))));
    }

    [Test]
    public async Task TailStartedBeforeTheCollectorSaysItWaitsAndFollowsOnceItIsUp()
    {
        var port = FreePort.Next();
        var endpoint = $"tcp://127.0.0.1:{port}";
        var tail = new TailSession(["--endpoint", endpoint, "--format", "clef"]);
        WaitUntil(() => tail.Error.Contains("waiting for", StringComparison.Ordinal), tail);
        Assert.That(tail.Error, Is.EqualTo($"distlog: waiting for {endpoint} (connection refused); is distlogd running with a publish plugin? Retrying until it answers, Ctrl-C to stop\n"));
        Assert.That(tail.Run.IsCompleted, Is.False, "a refused endpoint is waited for, not a failure");

        using var publisher = new Publisher(endpoint);
        tail.WarmUp(publisher, TailSession.Topic("Information", "orders"), Event(TailSession.WarmUpText));
        publisher.Publish(TailSession.Topic("Information", "orders"), Event("sentinel"));
        tail.WaitFor("sentinel");

        Assert.That(await tail.StopAsync(), Is.EqualTo(0), tail.Error);
        Assert.That(tail.Error, Does.EndWith($"distlog: connected to {endpoint}; waiting for events (Ctrl-C to stop)\n"));
    }

    [Test]
    public async Task TailSaysOnStandardErrorThatItIsConnectedBeforeAnyEventArrives()
    {
        using var publisher = new Publisher();
        var tail = new TailSession(["--endpoint", publisher.Endpoint]);

        WaitUntil(() => tail.Error.Contains("connected", StringComparison.Ordinal), tail);

        Assert.That(tail.Error, Is.EqualTo($"distlog: connected to {publisher.Endpoint}; waiting for events (Ctrl-C to stop)\n"));
        Assert.That(tail.RawOutput, Is.Empty, "standard output stays for events");
        Assert.That(await tail.StopAsync(), Is.EqualTo(0));
    }

    [Test]
    public async Task WithATimeoutAnEndpointNobodyListensOnFailsNamingIt()
    {
        var port = FreePort.Next();

        var result = await CliRun.RunAsync(["tail", "--endpoint", $"tcp://127.0.0.1:{port}", "--timeout", "0.5"]);
        Assert.That(result.ExitCode, Is.EqualTo(ExitCodes.Failure));
        var lines = result.Error.TrimEnd('\n').Split('\n');
        Assert.That(lines, Has.Length.EqualTo(2), result.Error);
        Assert.That(lines[0], Does.StartWith($"distlog: waiting for tcp://127.0.0.1:{port} (connection refused)"));
        Assert.That(lines[1], Does.StartWith($"distlog: cannot connect to tcp://127.0.0.1:{port} within 0.5 s (connection refused)"));
    }

    static void WaitUntil(Func<bool> condition, TailSession tail)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (!condition())
        {
            if (tail.Run.IsCompleted)
                Assert.Fail($"tail ended early: {tail.Error}");
            if (clock.Elapsed > TimeSpan.FromSeconds(10))
                Assert.Fail($"tail did not get there in 10 s: {tail.Error}");
            Thread.Sleep(10);
        }
    }
}
