using YamlDotNet.RepresentationModel;

namespace Distlog.Collector.Configuration;

/// <summary>One entry of a plugin's <c>args</c>: a scalar as written, or null for YAML <c>null</c>/<c>~</c> or a nested
/// value (a mapping or a list, which only sinks named with <c>using</c> take; see <see cref="Node"/>).</summary>
sealed record PluginArgument(string Name, string? Value, ConfigLocation Location, string Key)
{
    /// <summary>The value's YAML node, nested or not; null where the argument was made in code.</summary>
    public YamlNode? Node { get; init; }

    /// <summary>True where the value is a mapping or a list.</summary>
    public bool IsNested => Node is YamlMappingNode or YamlSequenceNode;

    /// <summary>A config error located at this argument.</summary>
    public ConfigException Error(string problem, Exception? inner = null) => new(Location, Key, problem, inner);
}
