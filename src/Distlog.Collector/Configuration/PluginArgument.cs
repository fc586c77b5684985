namespace Distlog.Collector.Configuration;

/// <summary>One entry of a plugin's <c>args</c>: a scalar as written, or null for YAML <c>null</c>/<c>~</c>.</summary>
internal sealed record PluginArgument(string Name, string? Value, ConfigLocation Location, string Key)
{
    /// <summary>A config error located at this argument.</summary>
    public ConfigException Error(string problem, Exception? inner = null) => new(Location, Key, problem, inner);
}
