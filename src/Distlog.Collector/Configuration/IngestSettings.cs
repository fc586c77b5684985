namespace Distlog.Collector.Configuration;

/// <summary>
/// The <c>ingest</c> section: where the PULL socket binds, how large one message may be, how many messages libzmq
/// holds for ingest per connection, and how many bytes of events the plugins' queues hold in all.
/// </summary>
sealed record IngestSettings(IReadOnlyList<string> Endpoints, int MaxMessageBytes, int ReceiveHighWatermark = IngestSettings.DefaultReceiveHighWatermark)
{
    public const string DefaultEndpoint = "tcp://127.0.0.1:5010";
    public const int DefaultMaxMessageBytes = 4 * 1024 * 1024;

    /// <summary>
    /// Messages held per connection while ingest is behind. A sink's message under load carries up to 1,000 events,
    /// so this holds up to some 64,000 events (~16 MB) per app; past it the events wait in the app's own bounded queue.
    /// </summary>
    public const int DefaultReceiveHighWatermark = 64;

    /// <summary>
    /// The bytes of events all plugin queues hold together (<c>ingest.maxQueuedBytes</c>), split evenly among the
    /// plugins: a plugin whose share is full refuses events as it does at its <c>queueCapacity</c>.
    /// </summary>
    public const long DefaultMaxQueuedBytes = 256L * 1024 * 1024;

    /// <inheritdoc cref="DefaultMaxQueuedBytes"/>
    public long MaxQueuedBytes { get; init; } = DefaultMaxQueuedBytes;

    /// <summary>Where each of <see cref="Endpoints"/> is written in the YAML; empty where they came from the command line
    /// or a default.</summary>
    public IReadOnlyList<ConfigLocation> EndpointLocations { get; init; } = [];

    public static IngestSettings Default { get; } = new([DefaultEndpoint], DefaultMaxMessageBytes);
}
