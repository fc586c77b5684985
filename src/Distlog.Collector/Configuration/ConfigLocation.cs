namespace Distlog.Collector.Configuration;

/// <summary>Where a configuration value was written: the file as the user named it, and a 1-based line.</summary>
readonly record struct ConfigLocation(string File, long Line)
{
    /// <inheritdoc />
    public override string ToString() => $"{File}:{Line}";
}
