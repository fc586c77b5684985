namespace Distlog.Collector.Configuration;

/// <summary>The sink names the collector implements itself; any other name needs <c>using</c>.</summary>
static class BuiltInSinks
{
    public const string File = "file";
    public const string Sqlite = "sqlite";
    public const string Redis = "redis";
    public const string Publish = "publish";
    public const string Console = "console";
    public const string MongoDb = "mongodb";

    /// <summary>Where the <c>publish</c> plugin binds when its <c>endpoint</c> is not given.</summary>
    public const string PublishDefaultEndpoint = "tcp://127.0.0.1:5011";

    public static readonly string[] All = [File, Sqlite, Redis, Publish, Console, MongoDb];

    public static readonly string KnownSinks = $"known sinks: {string.Join(", ", All)}, or a Serilog WriteTo method with `using`";

    public static string UnknownSinkProblem(string sink) => $"unknown sink '{sink}'; {KnownSinks}";

    /// <summary>The built-in name matching <paramref name="sink"/> case-insensitively, or null.</summary>
    public static string? Find(string sink) =>
        Array.Find(All, s => s.Equals(sink, StringComparison.OrdinalIgnoreCase));
}
