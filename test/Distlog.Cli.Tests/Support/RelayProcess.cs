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

        var process = new ChildProcess(Path.Combine(AppContext.BaseDirectory, "Distlog.Relay.dll"), null, [.. args]);
        try
        {
            process.WaitForOutput(Listening, TimeSpan.FromSeconds(30));
            var line = process.Output.Split('\n').First(l => l.StartsWith(Listening, StringComparison.Ordinal));
            return new RelayProcess(process, line[Listening.Length..].Trim());
        }
        catch
        {
            process.Dispose();
            throw;
        }
    }

    /// <summary>Stops the service with SIGTERM, as a host would, and waits until it has flushed its log and exited.</summary>
    public void Stop()
    {
        _process.Interrupt("-TERM");
        Assert.That(_process.WaitForExit(TimeSpan.FromSeconds(30)), Is.EqualTo(0), _process.Error);
    }

    public void Dispose() => _process.Dispose();
}
