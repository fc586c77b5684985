namespace Distlog.Collector.Configuration;

/// <summary>One entry of <c>plugins</c>.</summary>
/// <param name="Name">Name in the collector's own log: <c>name</c>, else the sink name (with <c>#2</c>... where repeated).</param>
/// <param name="Sink">A built-in sink name or a Serilog <c>WriteTo</c> method name.</param>
/// <param name="Using">The assembly holding a Serilog <c>WriteTo</c> method; null for built-ins.</param>
/// <param name="Args">The <c>args</c> entries, in order.</param>
/// <param name="Filter">The <c>filter</c>; <see cref="FilterSettings.None"/> passes everything.</param>
/// <param name="QueueCapacity">The bounded queue's size; default <see cref="DefaultQueueCapacity"/>.</param>
/// <param name="BatchSize">The most events handed to the sink at once; default <see cref="DefaultBatchSize"/>.</param>
/// <param name="Location">Where <c>sink</c> is written.</param>
/// <param name="Key">The key path of this entry, e.g. <c>plugins[1]</c>.</param>
sealed record PluginSettings(
    string Name,
    string Sink,
    string? Using,
    IReadOnlyList<PluginArgument> Args,
    FilterSettings Filter,
    int QueueCapacity,
    int BatchSize,
    ConfigLocation Location,
    string Key)
{
    public const int DefaultQueueCapacity = 100_000;
    public const int DefaultBatchSize = 1_000;

    /// <summary>What ingest does when the queue is full: drop for this plugin (default), or wait for room.</summary>
    public PluginWhenFull WhenFull { get; init; } = PluginWhenFull.Drop;

    /// <summary>The bytes of events this plugin's queue holds at most: its share of <c>ingest.maxQueuedBytes</c>.</summary>
    public long QueueBytes { get; init; } = IngestSettings.DefaultMaxQueuedBytes;

    /// <summary>
    /// The folders a <see cref="Using"/> assembly is loaded from: distlogd's own folder, then <c>pluginsPath</c>.
    /// </summary>
    public IReadOnlyList<string> AssemblyFolders { get; init; } = [AppContext.BaseDirectory];

    /// <summary>
    /// The <c>levelSwitches</c> of a sink named with <see cref="Using"/>: each a name starting with <c>$</c> and its initial
    /// level, which <c>args</c> refer to by name (<c>controlLevelSwitch: $controlSwitch</c>), as in appsettings.json.
    /// </summary>
    public IReadOnlyList<PluginArgument> LevelSwitches { get; init; } = [];

    /// <summary>A config error located at this plugin's <c>sink</c> key.</summary>
    public ConfigException Error(string problem) => new(Location, Key + ".sink", problem);
}
