using System.Text;

namespace Distlog.Load.Harness;

/// <summary>Starts distlogd (<c>dotnet distlogd.dll --config distlogd.yaml</c>) in a run's folder, ingest on one loopback port.</summary>
static class Distlogd
{
    static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);

    public static string File(string path, string? extraArgs = null, string? whenFull = null) =>
        $"  - sink: file\n    args: {{ path: {path}, rollingInterval: Infinite, fileSizeLimitBytes: null{(extraArgs is null ? "" : ", " + extraArgs)} }}\n"
        + WhenFull(whenFull);

    public static string Sqlite(string path, string? whenFull = null) =>
        $"  - sink: sqlite\n    args: {{ path: {path} }}\n" + WhenFull(whenFull);

    static string WhenFull(string? whenFull) => whenFull is null ? "" : $"    whenFull: {whenFull}\n";

    public static string Publish(int port) => $"  - sink: publish\n    args: {{ endpoint: \"tcp://127.0.0.1:{port}\" }}\n";

    public static string Redis(int port, string key, long maxLength) =>
        $"  - sink: redis\n    args: {{ server: \"127.0.0.1:{port}\", mode: stream, key: {key}, maxLength: {maxLength} }}\n";

    /// <summary>Starts distlogd with <paramref name="plugins"/> (YAML items); each plugin's queueCapacity is
    /// <paramref name="queueCapacity"/>, else --queue-capacity, else distlogd's default.</summary>
    public static ChildProcess Start(LoadOptions options, string directory, int port, IReadOnlyList<string> plugins, long? queueCapacity = null,
        string? security = null)
    {
        var yaml = new StringBuilder()
            .Append(security)
            .Append("ingest:\n  endpoints: [\"tcp://127.0.0.1:").Append(port).Append("\"]\n")
            .Append("stats:\n  interval: off\n")
            .Append("plugins:\n");
        foreach (var plugin in plugins)
        {
            yaml.Append(plugin);
            if ((queueCapacity ?? options.QueueCapacity) is { } capacity)
                yaml.Append("    queueCapacity: ").Append(capacity).Append('\n');
        }
        Directory.CreateDirectory(directory);
        System.IO.File.WriteAllText(Path.Combine(directory, "distlogd.yaml"), yaml.ToString());

        return ListeningServer.Start("distlogd", "dotnet", [options.DistlogdPath, "--config", "distlogd.yaml"], directory, port, StartTimeout,
            options.DistlogdEnvironment);
    }
}
