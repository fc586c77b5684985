using YamlDotNet.RepresentationModel;

namespace Distlog.Collector.Configuration;

/// <summary>Reads the <c>plugins</c> list: <c>sink</c>, <c>using</c> (an assembly name, never a path), <c>args</c>, <c>filter</c>, and the optional
/// <c>name</c>, <c>queueCapacity</c>, <c>whenFull</c>, <c>batchSize</c> and (with <c>using</c>) <c>levelSwitches</c>.</summary>
static class PluginSettingsReader
{
    static readonly string[] Keys = ["sink", "using", "args", "filter", "name", "queueCapacity", "whenFull", "batchSize", "levelSwitches"];

    public static IReadOnlyList<PluginSettings> ReadAll(YamlReader reader, YamlNode node, string path)
    {
        if (node is YamlScalarNode scalar && YamlReader.IsNull(scalar))
            return [];

        var list = reader.Sequence(node, path);
        var plugins = new List<PluginSettings>(list.Children.Count);
        var names = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < list.Children.Count; i++)
        {
            var plugin = Read(reader, list.Children[i], $"{path}[{i}]");
            if (plugin.Name.Length == 0)
            {
                var count = names[plugin.Sink] = names.GetValueOrDefault(plugin.Sink) + 1;
                plugin = plugin with { Name = count == 1 ? plugin.Sink : $"{plugin.Sink}#{count}" };
            }
            else if (!names.TryAdd(plugin.Name, 1))
            {
                throw new ConfigException(plugin.Location, plugin.Key + ".name", $"the name '{plugin.Name}' is used by an earlier plugin");
            }
            plugins.Add(plugin);
        }
        return plugins;
    }

    static PluginSettings Read(YamlReader reader, YamlNode node, string path)
    {
        var map = reader.Mapping(node, path);
        string? sink = null, use = null, name = null;
        var sinkLocation = reader.At(node);
        var args = new List<PluginArgument>();
        var levelSwitches = new List<PluginArgument>();
        YamlNode? levelSwitchesNode = null;
        var filter = FilterSettings.None;
        int queueCapacity = PluginSettings.DefaultQueueCapacity, batchSize = PluginSettings.DefaultBatchSize;
        var whenFull = PluginWhenFull.Drop;
        foreach (var (key, keyPath, value) in reader.Entries(map, path, Keys))
        {
            switch (key)
            {
                case "sink": sink = reader.Scalar(value, keyPath); sinkLocation = reader.At(value); break;
                case "using": use = ReadAssemblyName(reader, value, keyPath); break;
                case "name": name = reader.Scalar(value, keyPath); break;
                case "args": ReadArgs(reader, value, keyPath, args); break;
                case "filter": filter = FilterSettingsReader.Read(reader, value, keyPath); break;
                case "queueCapacity": queueCapacity = reader.PositiveInt(value, keyPath); break;
                case "whenFull": whenFull = ReadWhenFull(reader, value, keyPath); break;
                case "levelSwitches": ReadLevelSwitches(reader, value, keyPath, levelSwitches); levelSwitchesNode = value; break;
                default: batchSize = reader.PositiveInt(value, keyPath); break;
            }
        }

        if (sink is null)
            throw reader.Error(node, path + ".sink", $"every plugin needs a sink; {BuiltInSinks.KnownSinks}");
        // With `using` the name is a WriteTo method (File, Console...), even where it matches a built-in's name.
        var builtIn = use is null ? BuiltInSinks.Find(sink) : null;
        if (builtIn is null && use is null)
            throw new ConfigException(sinkLocation, path + ".sink", BuiltInSinks.UnknownSinkProblem(sink));

        if (builtIn is not null && args.Find(a => a.IsNested) is { } nested)
            throw reader.Error(nested.Node!, nested.Key, $"expected a single value; the built-in sink '{builtIn}' takes no nested arguments");
        if (builtIn is not null && levelSwitchesNode is not null)
            throw reader.Error(levelSwitchesNode, path + ".levelSwitches", $"levelSwitches are for Serilog sinks named with `using`; the built-in sink '{builtIn}' takes none");

        return new PluginSettings(name ?? "", builtIn ?? sink, builtIn is null ? use : null, args, filter, queueCapacity, batchSize, sinkLocation, path)
        {
            WhenFull = whenFull,
            LevelSwitches = levelSwitches,
        };
    }

    /// <summary>
    /// An assembly name, never a path: <c>using</c> loads only from distlogd's folder or <c>pluginsPath</c>, so that a
    /// config cannot make distlogd run code from anywhere else on the machine.
    /// </summary>
    static string ReadAssemblyName(YamlReader reader, YamlNode node, string path)
    {
        var name = reader.Scalar(node, path);
        var simple = name.EndsWith(".dll", StringComparison.OrdinalIgnoreCase) ? name[..^4] : name;
        if (simple.Length == 0 || simple.Contains("..", StringComparison.Ordinal) || simple[0] == '.' || simple[^1] == '.'
            || !simple.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-'))
        {
            throw reader.Error(node, path,
                $"'{name}' is not an assembly name; `using` names an assembly (e.g. Serilog.Sinks.Seq), never a path: copy its .dll files into distlogd's folder or a folder listed in pluginsPath");
        }
        return simple;
    }

    static PluginWhenFull ReadWhenFull(YamlReader reader, YamlNode node, string path) =>
        reader.Scalar(node, path).ToLowerInvariant() switch
        {
            "drop" => PluginWhenFull.Drop,
            "block" => PluginWhenFull.Block,
            var other => throw reader.Error(node, path, $"'{other}' is not drop or block"),
        };

    static void ReadArgs(YamlReader reader, YamlNode node, string path, List<PluginArgument> args)
    {
        if (node is YamlScalarNode empty && YamlReader.IsNull(empty))
            return;

        foreach (var (keyNode, value) in reader.Mapping(node, path).Children)
        {
            var name = keyNode is YamlScalarNode { Value: { Length: > 0 } k } ? k : throw reader.Error(keyNode, path, "an argument needs a name");
            var text = value is YamlScalarNode scalar && !YamlReader.IsNull(scalar) ? scalar.Value : null;
            // At the key's line: a nested value starts on the line below it.
            args.Add(new PluginArgument(name, text, reader.At(keyNode), $"{path}.{name}") { Node = value });
        }
    }

    // As appsettings.json's "LevelSwitches": { "$name": "Level" }, for this plugin's sink alone.
    static void ReadLevelSwitches(YamlReader reader, YamlNode node, string path, List<PluginArgument> switches)
    {
        foreach (var (keyNode, value) in reader.Mapping(node, path).Children)
        {
            var name = keyNode is YamlScalarNode { Value: { } k } ? k : "";
            var key = $"{path}.{name}";
            if (name.Length < 2 || name[0] != '$' || !char.IsAsciiLetter(name[1]) || !name.Skip(1).All(char.IsAsciiLetterOrDigit))
                throw reader.Error(keyNode, key, $"'{name}' is not a level switch name; write $ then letters and digits, e.g. $controlSwitch");
            var level = FilterSettingsReader.Level(reader, value, key);
            switches.Add(new PluginArgument(name, level.ToString(), reader.At(value), key) { Node = value });
        }
    }
}
