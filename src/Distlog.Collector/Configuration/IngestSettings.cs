namespace Distlog.Collector.Configuration;

/// <summary>
/// The <c>ingest</c> section: where the PULL socket binds, how large one message may be, and how many messages
/// libzmq holds for ingest per connection.
/// </summary>
internal sealed record IngestSettings(IReadOnlyList<string> Endpoints, int MaxMessageBytes, int ReceiveHighWatermark = IngestSettings.DefaultReceiveHighWatermark)
{
    public const string DefaultEndpoint = "tcp://*:5010";
    public const int DefaultMaxMessageBytes = 4 * 1024 * 1024;

    /// <summary>
    /// Messages held per connection while ingest is behind. A sink's message under load carries up to 1,000 events,
    /// so this holds up to some 64,000 events (~16 MB) per app; past it the events wait in the app's own bounded queue.
    /// </summary>
    public const int DefaultReceiveHighWatermark = 64;

    public static IngestSettings Default { get; } = new([DefaultEndpoint], DefaultMaxMessageBytes);
}
