namespace Distlog.Collector.Configuration;

/// <summary>The whole collector configuration, as read from YAML (or the embedded default).</summary>
/// <param name="Source">The file name the settings came from, for messages.</param>
/// <param name="Ingest">The <c>ingest</c> section.</param>
/// <param name="Stats">The <c>stats</c> section.</param>
/// <param name="Plugins">The <c>plugins</c> list, in order.</param>
/// <param name="Journal">The <c>journal</c> section; null where <c>journal: { enabled: false }</c>.</param>
/// <param name="ControlSection">The <c>control</c> section; null for the endpoints beside ingest's (<see cref="Control"/>).</param>
sealed record CollectorSettings(
    string Source,
    IngestSettings Ingest,
    StatsSettings Stats,
    IReadOnlyList<PluginSettings> Plugins,
    JournalSettings? Journal = null,
    ControlSettings? ControlSection = null)
{
    public ControlSettings Control => ControlSection ?? ControlSettings.For(Ingest);

    /// <summary>The <c>security</c> section.</summary>
    public SecuritySettings Security { get; init; } = SecuritySettings.Default;

    /// <summary>The <c>security.curve</c> section; null without it (no CURVE).</summary>
    public CurveSettings? Curve => Security.Curve;
}
