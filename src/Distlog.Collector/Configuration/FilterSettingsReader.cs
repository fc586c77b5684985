using Distlog.Expressions;
using Serilog.Events;
using YamlDotNet.RepresentationModel;

namespace Distlog.Collector.Configuration;

/// <summary>Reads a plugin's <c>filter</c>: <c>minimumLevel</c>, <c>application</c>, <c>system</c>, <c>task</c>, <c>expression</c>.</summary>
static class FilterSettingsReader
{
    const string Systems = "PST";

    public static FilterSettings Read(YamlReader reader, YamlNode node, string path)
    {
        var filter = FilterSettings.None;
        if (node is YamlScalarNode empty && YamlReader.IsNull(empty))
            return filter;

        foreach (var (name, key, value) in reader.Entries(reader.Mapping(node, path), path, "minimumLevel", "application", "system", "task", "expression"))
        {
            filter = name switch
            {
                "minimumLevel" => filter with { MinimumLevel = Level(reader, value, key) },
                "application" => filter with { Applications = reader.ScalarOrList(value, key) },
                "system" => filter with { Systems = SystemLetters(reader, value, key) },
                "expression" => filter with { Expression = Expression(reader, value, key) },
                _ => filter with { Tasks = reader.ScalarOrList(value, key) },
            };
        }
        return filter;
    }

    /// <summary>A Serilog level by name, as in <c>minimumLevel</c>; an error at the node otherwise.</summary>
    public static LogEventLevel Level(YamlReader reader, YamlNode node, string key)
    {
        var text = reader.Scalar(node, key);
        if (Enum.TryParse<LogEventLevel>(text, ignoreCase: true, out var level) && Enum.IsDefined(level) && !char.IsAsciiDigit(text[0]))
            return level;
        throw reader.Error(node, key, $"unknown level '{text}'; levels: {string.Join(", ", Enum.GetNames<LogEventLevel>())}");
    }

    static string Expression(YamlReader reader, YamlNode node, string key)
    {
        var text = reader.Scalar(node, key);
        if (Conditions.TryCompile(text, out _, out var error))
            return text;
        throw reader.Error(node, key, $"not a Serilog.Expressions condition: {error} (e.g. @l = 'Error' and Application = 'orders')");
    }

    static string SystemLetters(YamlReader reader, YamlNode node, string key)
    {
        var letters = string.Concat(reader.ScalarOrList(node, key)).ToUpperInvariant();
        foreach (var letter in letters)
        {
            if (!Systems.Contains(letter))
                throw reader.Error(node, key, $"unknown system '{letter}'; systems: P (production), S (staging), T (test)");
        }
        return letters;
    }
}
