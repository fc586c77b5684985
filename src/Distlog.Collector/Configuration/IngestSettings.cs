namespace Distlog.Collector.Configuration;

/// <summary>The <c>ingest</c> section: where the PULL socket binds and how large one message may be.</summary>
internal sealed record IngestSettings(IReadOnlyList<string> Endpoints, int MaxMessageBytes)
{
    public const string DefaultEndpoint = "tcp://*:5010";
    public const int DefaultMaxMessageBytes = 4 * 1024 * 1024;

    public static IngestSettings Default { get; } = new([DefaultEndpoint], DefaultMaxMessageBytes);
}
