using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Distlog.Collector.Configuration;

/// <summary>
/// Reads <c>distlogd.yaml</c> through YamlDotNet's representation model, so that every error names the file,
/// the line and the key. All keys are optional; a missing <c>plugins</c> key means the default plugins.
/// </summary>
internal static class ConfigLoader
{
    public static CollectorSettings LoadFile(string path)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new ConfigException($"cannot read config file '{path}': {ex.Message}", ex);
        }
        return Parse(text, path);
    }

    public static CollectorSettings Parse(string yaml, string source)
    {
        var reader = new YamlReader(source);
        var stream = new YamlStream();
        var parser = new TrackingParser(new StringReader(yaml));
        try
        {
            stream.Load(parser);
        }
        catch (YamlException ex)
        {
            var problem = (ex.InnerException ?? ex).Message;
            throw new ConfigException(new ConfigLocation(source, ex.Start.Line), "", $"invalid YAML: {Trim(problem)}", ex);
        }
        catch (InvalidOperationException ex)
        {
            throw new ConfigException(new ConfigLocation(source, parser.LastLine), "", "invalid YAML: cannot be parsed past this line (an unclosed bracket or quote?)", ex);
        }

        if (stream.Documents.Count > 1)
            throw reader.Error(stream.Documents[1].RootNode, "", "expected one YAML document, found several");
        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is YamlScalarNode scalar && YamlReader.IsNull(scalar))
            return new CollectorSettings(source, IngestSettings.Default, StatsSettings.Default, DefaultPlugins(source), JournalSettings.Default);

        return ReadRoot(reader, stream.Documents[0].RootNode);
    }

    private static CollectorSettings ReadRoot(YamlReader reader, YamlNode root)
    {
        var ingest = IngestSettings.Default;
        var stats = StatsSettings.Default;
        IReadOnlyList<PluginSettings>? plugins = null;
        JournalSettings? journal = JournalSettings.Default;
        ControlSettings? control = null;
        CurveSettings? curve = null;
        foreach (var (name, key, value) in reader.Entries(reader.Mapping(root, "(document)"), "", "ingest", "plugins", "stats", "journal", "control", "security"))
        {
            switch (name)
            {
                case "ingest": ingest = ReadIngest(reader, value, key); break;
                case "stats": stats = ReadStats(reader, value, key); break;
                case "journal": journal = JournalSettingsReader.Read(reader, value, key); break;
                case "control": control = new ControlSettings(ReadEndpoints(reader, value is YamlMappingNode map ? ControlEndpoint(reader, map, key) : value, key + ".endpoint")); break;
                case "security": curve = CurveSettingsReader.ReadSecurity(reader, value, key); break;
                default: plugins = PluginSettingsReader.ReadAll(reader, value, key); break;
            }
        }
        return new CollectorSettings(reader.Source, ingest, stats, plugins ?? DefaultPlugins(reader.Source), journal, control) { Curve = curve };
    }

    private static YamlNode ControlEndpoint(YamlReader reader, YamlMappingNode map, string path)
    {
        YamlNode? endpoint = null;
        foreach (var (_, _, value) in reader.Entries(map, path, "endpoint"))
            endpoint = value;
        return endpoint ?? throw reader.Error(map, path, "expected endpoint, e.g. control: { endpoint: \"tcp://127.0.0.1:5012\" }");
    }

    private static IngestSettings ReadIngest(YamlReader reader, YamlNode node, string path)
    {
        var settings = IngestSettings.Default;
        foreach (var (name, key, value) in reader.Entries(reader.Mapping(node, path), path, "endpoints", "maxMessageBytes", "receiveHighWatermark"))
        {
            switch (name)
            {
                case "maxMessageBytes": settings = settings with { MaxMessageBytes = reader.PositiveInt(value, key) }; break;
                case "receiveHighWatermark": settings = settings with { ReceiveHighWatermark = reader.PositiveInt(value, key) }; break;
                default: settings = settings with { Endpoints = ReadEndpoints(reader, value, key) }; break;
            }
        }
        return settings;
    }

    private static IReadOnlyList<string> ReadEndpoints(YamlReader reader, YamlNode node, string key)
    {
        var endpoints = reader.ScalarOrList(node, key);
        if (endpoints.Count == 0)
            throw reader.Error(node, key, "at least one endpoint is required, e.g. [\"tcp://127.0.0.1:5010\"]");
        for (var i = 0; i < endpoints.Count; i++)
        {
            if (BindEndpoint.Problem(endpoints[i]) is { } problem)
                throw node is YamlSequenceNode list ? reader.Error(list.Children[i], $"{key}[{i}]", problem) : reader.Error(node, key, problem);
        }
        return endpoints;
    }

    private static StatsSettings ReadStats(YamlReader reader, YamlNode node, string path)
    {
        var settings = StatsSettings.Default;
        foreach (var (_, key, value) in reader.Entries(reader.Mapping(node, path), path, "interval"))
        {
            var text = reader.Scalar(value, key);
            if (!Duration.TryParse(text, out var interval))
                throw reader.Error(value, key, $"'{text}' is not a duration ({Duration.Formats})");
            settings = new StatsSettings(interval);
        }
        return settings;
    }

    private static IReadOnlyList<PluginSettings> DefaultPlugins(string source) =>
        source == DefaultConfig.Source ? [] : DefaultConfig.Load().Plugins;

    private static string Trim(string message)
    {
        // YamlDotNet prefixes messages with "(Line: 3, Col: 1, Idx: 20) - (...): "; the line is already ours.
        var end = message.IndexOf("): ", StringComparison.Ordinal);
        return message.StartsWith("(Line:", StringComparison.Ordinal) && end > 0 ? message[(end + 3)..] : message;
    }
}
