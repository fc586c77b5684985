namespace Distlog.Collector.Configuration;

/// <summary>The whole collector configuration, as read from YAML (or the embedded default).</summary>
/// <param name="Source">The file name the settings came from, for messages.</param>
/// <param name="Ingest">The <c>ingest</c> section.</param>
/// <param name="Stats">The <c>stats</c> section.</param>
/// <param name="Plugins">The <c>plugins</c> list, in order.</param>
internal sealed record CollectorSettings(
    string Source,
    IngestSettings Ingest,
    StatsSettings Stats,
    IReadOnlyList<PluginSettings> Plugins)
{
    /// <summary>The <c>security</c> section.</summary>
    public SecuritySettings Security { get; init; } = SecuritySettings.Default;
}
