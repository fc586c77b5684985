using Distlog.Collector.Configuration;
using Microsoft.Extensions.Configuration;
using YamlDotNet.RepresentationModel;

namespace Distlog.Collector.Plugins.Generic;

/// <summary>
/// A plugin's YAML node as the <c>Serilog</c> section of an appsettings.json: <c>Serilog:WriteTo:0:Name</c> is the sink,
/// <c>Serilog:WriteTo:0:Args:...</c> its <c>args</c> (a mapping's keys and a list's indexes continue the path), and
/// <c>Serilog:LevelSwitches:$name</c> its <c>levelSwitches</c>. Each value remembers the YAML entry it came from, so that
/// a binding failure can be reported at that entry's line.
/// </summary>
sealed class SinkConfiguration
{
    public const string SectionName = "Serilog";

    readonly Dictionary<string, string?> _values = new(StringComparer.OrdinalIgnoreCase);
    readonly List<(string Value, PluginArgument Entry)> _entries = [];

    public SinkConfiguration(PluginSettings plugin)
    {
        const string sink = SectionName + ":WriteTo:0";
        _values[sink + ":Name"] = plugin.Sink;
        foreach (var argument in plugin.Args)
            Add($"{sink}:Args:{argument.Name}", argument.Key, argument.Node, argument);
        foreach (var levelSwitch in plugin.LevelSwitches)
            _values[$"{SectionName}:LevelSwitches:{levelSwitch.Name}"] = levelSwitch.Value;
    }

    /// <summary>The configuration keys and values, as <c>AddInMemoryCollection</c> takes them.</summary>
    public IReadOnlyDictionary<string, string?> Values => _values;

    public IConfiguration Build() => new ConfigurationBuilder().AddInMemoryCollection(_values).Build();

    /// <summary>
    /// The YAML entry a binder's failure points at, as its exceptions do not carry the key they failed on: the first value
    /// the message quotes; else the argument whose <c>type</c> threw (its constructor is on the stack) or whose parameter
    /// type the message names; else the first argument whose name it quotes; else null.
    /// </summary>
    public PluginArgument? Culprit(Exception failure, IReadOnlyList<PluginArgument> arguments, IReadOnlyDictionary<string, Type> parameterTypes)
    {
        var message = failure.Message;
        foreach (var (value, entry) in _entries)
        {
            if (value.Length > 0 && (message.Contains($"'{value}'", StringComparison.Ordinal) || message.Contains($"\"{value}\"", StringComparison.Ordinal)
                || message.Contains($"`{value}`", StringComparison.Ordinal)))
                return entry;
        }
        var thrownBy = new System.Diagnostics.StackTrace(failure).GetFrames().Select(f => f.GetMethod()?.DeclaringType?.FullName).OfType<string>().ToHashSet();
        foreach (var (value, entry) in _entries)
        {
            var typeName = value.Split(',')[0].Trim();
            if (typeName.Contains('.', StringComparison.Ordinal) && thrownBy.Contains(typeName))
                return arguments.First(a => entry.Key.StartsWith(a.Key, StringComparison.Ordinal));
        }
        foreach (var argument in arguments)
        {
            if (parameterTypes.TryGetValue(argument.Name, out var type) && type.FullName is { } typeName && message.Contains(typeName, StringComparison.Ordinal))
                return argument;
        }
        return arguments.FirstOrDefault(a => message.Contains($"'{a.Name}'", StringComparison.OrdinalIgnoreCase));
    }

    void Add(string configKey, string yamlKey, YamlNode? node, PluginArgument argument)
    {
        switch (node)
        {
            case YamlMappingNode map:
                foreach (var (key, value) in map.Children)
                {
                    var name = key is YamlScalarNode { Value: { } k } ? k : "";
                    Add($"{configKey}:{name}", $"{yamlKey}.{name}", value, argument);
                }
                break;
            case YamlSequenceNode list:
                for (var i = 0; i < list.Children.Count; i++)
                    Add($"{configKey}:{i}", $"{yamlKey}[{i}]", list.Children[i], argument);
                break;
            case YamlScalarNode scalar:
                var text = YamlReader.IsNull(scalar) ? null : scalar.Value;
                _values[configKey] = text;
                _entries.Add((text ?? "", argument with { Key = yamlKey, Location = argument.Location with { Line = scalar.Start.Line } }));
                break;
            default:
                _values[configKey] = argument.Value;
                _entries.Add((argument.Value ?? "", argument));
                break;
        }
    }
}
