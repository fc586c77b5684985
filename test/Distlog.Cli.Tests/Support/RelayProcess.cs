namespace Distlog.Cli.Tests.Support;

/// <summary>One Distlog.Relay service (an ASP.NET Core app) run as a child process on a free loopback port.</summary>
sealed class RelayProcess : IDisposable
{
    const string Listening = "listening on ";

    readonly ChildProcess _process;

    RelayProcess(ChildProcess process, string url)
    {
        _process = process;
        Url = url;
    }

    /// <summary>The service's base address, e.g. <c>http://127.0.0.1:40123</c>.</summary>
    public string Url { get; }

    /// <summary>Starts the service and waits until it listens.</summary>
    public static RelayProcess Start(string name, string ingest, string? next = null, int calls = 1, string? bind = null)
    {
        List<string> args = ["--name", name, "--ingest", ingest, "--calls", calls.ToString(System.Globalization.CultureInfo.InvariantCulture)];
        if (next is not null)
            args.AddRange(["--next", next]);
        if (bind is not null)
            args.AddRange(["--bind", bind]);

        var process = ChildProcess.Dotnet("Distlog.Relay.dll", args);
        var line = process.WaitForStdoutLine(l => l.StartsWith(Listening, StringComparison.Ordinal), TimeSpan.FromSeconds(30));
        if (line is null)
        {
            process.Dispose();
            Assert.Fail($"Distlog.Relay {name} did not start:\n{process.Output}");
        }
        return new RelayProcess(process, line![Listening.Length..].Trim());
    }

    /// <summary>Stops the service with SIGTERM, as a host would, and waits until it has flushed its log and exited.</summary>
    public void Stop()
    {
        Assert.That(_process.Terminate(TimeSpan.FromSeconds(30)), Is.EqualTo(0), _process.Stderr);
    }

    public void Dispose() => _process.Dispose();
}
