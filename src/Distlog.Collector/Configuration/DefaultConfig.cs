namespace Distlog.Collector.Configuration;

/// <summary>The configuration <c>distlogd</c> runs without <c>--config</c>.</summary>
static class DefaultConfig
{
    public const string Source = "<embedded default>";

    public const string Yaml = """
        ingest:
          endpoints: ["tcp://127.0.0.1:5010"]
          maxMessageBytes: 4194304
          receiveHighWatermark: 64
          maxQueuedBytes: 256MiB
        journal:
          path: logs/journal
          maxBytes: 10GiB
          fsync: interval
        stats:
          interval: 60s
        plugins:
          - sink: sqlite
            args: { path: logs/distlog.db }
          - sink: publish
            args: { endpoint: "tcp://127.0.0.1:5011" }
        """;

    public static CollectorSettings Load() => ConfigLoader.Parse(Yaml, Source);
}
