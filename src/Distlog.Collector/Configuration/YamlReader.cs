using YamlDotNet.RepresentationModel;

namespace Distlog.Collector.Configuration;

/// <summary>Typed access to YAML nodes whose errors name the file, the line and the key path.</summary>
sealed class YamlReader(string source)
{
    public string Source { get; } = source;

    public ConfigLocation At(YamlNode node) => new(Source, node.Start.Line);

    public ConfigException Error(YamlNode node, string key, string problem) => new(At(node), key, problem);

    public YamlMappingNode Mapping(YamlNode node, string key) =>
        node as YamlMappingNode ?? throw Error(node, key, $"expected a mapping (key: value pairs), found {Describe(node)}");

    public YamlSequenceNode Sequence(YamlNode node, string key) =>
        node as YamlSequenceNode ?? throw Error(node, key, $"expected a list, found {Describe(node)}");

    public string Scalar(YamlNode node, string key)
    {
        if (node is not YamlScalarNode scalar)
            throw Error(node, key, $"expected a single value, found {Describe(node)}");
        if (IsNull(scalar))
            throw Error(node, key, "a value is required here");
        return scalar.Value!;
    }

    /// <summary>A single value or a list of values.</summary>
    public IReadOnlyList<string> ScalarOrList(YamlNode node, string key)
    {
        if (node is not YamlSequenceNode list)
            return [Scalar(node, key)];

        var values = new List<string>(list.Children.Count);
        for (var i = 0; i < list.Children.Count; i++)
            values.Add(Scalar(list.Children[i], $"{key}[{i}]"));
        return values;
    }

    public int PositiveInt(YamlNode node, string key)
    {
        var text = Scalar(node, key).Replace("_", "", StringComparison.Ordinal);
        if (!int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var value) || value <= 0)
            throw Error(node, key, $"expected a positive whole number, found '{Scalar(node, key)}'");
        return value;
    }

    public bool Boolean(YamlNode node, string key) =>
        Scalar(node, key).ToLowerInvariant() switch
        {
            "true" => true,
            "false" => false,
            var other => throw Error(node, key, $"expected true or false, found '{other}'"),
        };

    /// <summary>
    /// The entries of a mapping with each key resolved (case-insensitively) to one of <paramref name="known"/>;
    /// unknown keys are errors that list the known ones.
    /// </summary>
    public IEnumerable<(string Name, string Key, YamlNode Value)> Entries(YamlMappingNode map, string path, params string[] known)
    {
        foreach (var (keyNode, value) in map.Children)
        {
            var written = keyNode is YamlScalarNode { Value: { } k } ? k : "";
            var key = path.Length == 0 ? written : $"{path}.{written}";
            var name = Array.Find(known, n => n.Equals(written, StringComparison.OrdinalIgnoreCase))
                ?? throw Error(keyNode, key, $"unknown key '{written}'; known keys{(path.Length == 0 ? "" : " here")}: {string.Join(", ", known)}");
            yield return (name, key, value);
        }
    }

    /// <summary>True for YAML null: <c>~</c>, <c>null</c> or nothing, unquoted.</summary>
    public static bool IsNull(YamlScalarNode scalar) =>
        scalar.Style is YamlDotNet.Core.ScalarStyle.Plain or YamlDotNet.Core.ScalarStyle.Any
        && scalar.Value is null or "" or "~" or "null" or "Null" or "NULL";

    static string Describe(YamlNode node) => node switch
    {
        YamlMappingNode => "a mapping",
        YamlSequenceNode => "a list",
        YamlScalarNode s when IsNull(s) => "nothing",
        YamlScalarNode s => $"'{s.Value}'",
        _ => node.NodeType.ToString(),
    };
}
