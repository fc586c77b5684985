namespace Distlog.Testing;

/// <summary>
/// The built <c>distlogd</c> run as a child process in a test's folder. Its dll is found beside the running tests,
/// where a project reference to the collector puts it; it is not referenced as code.
/// </summary>
public static class CollectorProcess
{
    /// <summary>The collector's dll, beside the running tests.</summary>
    public const string Dll = "distlogd.dll";

    /// <summary>What distlogd writes to standard error once every ingest endpoint listens.</summary>
    public const string ReadyText = "is listening on";

    /// <summary>How long <see cref="StartReady"/> waits for <see cref="ReadyText"/>.</summary>
    public static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(30);

    /// <summary>Writes <paramref name="yaml"/> as <c>distlogd.yaml</c> in <paramref name="folder"/> (unless null) and starts
    /// distlogd there on it, with <paramref name="args"/> after <c>--config distlogd.yaml</c>.</summary>
    public static ChildProcess Start(TempFolder folder, string? yaml, params string[] args)
    {
        string[] config = [];
        if (yaml is not null)
        {
            folder.Write("distlogd.yaml", yaml);
            config = ["--config", "distlogd.yaml"];
        }
        return ChildProcess.Dotnet(Dll, [.. config, .. args], folder.Path);
    }

    /// <summary>As <see cref="Start"/>, then waits until distlogd says it listens.</summary>
    /// <exception cref="InvalidOperationException">It did not (it exited, or <see cref="StartTimeout"/> passed); the message holds its output.</exception>
    public static ChildProcess StartReady(TempFolder folder, string? yaml, params string[] args)
    {
        var collector = Start(folder, yaml, args);
        if (!collector.WaitForStderr(ReadyText, StartTimeout))
        {
            var output = collector.Output;
            collector.Dispose();
            throw new InvalidOperationException($"distlogd did not start:\n{output}");
        }
        return collector;
    }
}
