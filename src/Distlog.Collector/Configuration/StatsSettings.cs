namespace Distlog.Collector.Configuration;

/// <summary>The <c>stats</c> section: how often the collector logs its summary line; zero turns the periodic line off.</summary>
sealed record StatsSettings(TimeSpan Interval)
{
    public static readonly TimeSpan DefaultInterval = TimeSpan.FromSeconds(60);

    public static StatsSettings Default { get; } = new(DefaultInterval);
}
