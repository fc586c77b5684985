using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Distlog.Collector.Configuration;

/// <summary>
/// Reads <c>distlogd.yaml</c> through YamlDotNet's representation model, so that every error names the file,
/// the line and the key. All keys are optional; a missing <c>plugins</c> key means the default plugins.
/// </summary>
static class ConfigLoader
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
            return Complete(new CollectorSettings(source, IngestSettings.Default, StatsSettings.Default, DefaultPlugins(source), JournalSettings.Default), []);

        return ReadRoot(reader, stream.Documents[0].RootNode);
    }

    static CollectorSettings ReadRoot(YamlReader reader, YamlNode root)
    {
        var ingest = IngestSettings.Default;
        var stats = StatsSettings.Default;
        var security = SecuritySettings.Default;
        IReadOnlyList<string> pluginsPath = [];
        IReadOnlyList<PluginSettings>? plugins = null;
        JournalSettings? journal = JournalSettings.Default;
        ControlSettings? control = null;
        foreach (var (name, key, value) in reader.Entries(reader.Mapping(root, "(document)"), "", "ingest", "plugins", "pluginsPath", "stats", "security", "journal", "control"))
        {
            switch (name)
            {
                case "ingest": ingest = ReadIngest(reader, value, key); break;
                case "stats": stats = ReadStats(reader, value, key); break;
                case "journal": journal = JournalSettingsReader.Read(reader, value, key); break;
                case "control": control = new ControlSettings(ReadEndpointList(reader, value is YamlMappingNode map ? ControlEndpoint(reader, map, key) : value, key + ".endpoint")); break;
                case "security": security = SecuritySettingsReader.Read(reader, value, key); break;
                case "pluginsPath": pluginsPath = ReadFolders(reader, value, key); break;
                default: plugins = PluginSettingsReader.ReadAll(reader, value, key); break;
            }
        }
        return Complete(new CollectorSettings(reader.Source, ingest, stats, plugins ?? DefaultPlugins(reader.Source), journal, control) { Security = security }, pluginsPath);
    }

    /// <summary>Gives each plugin its share of <c>ingest.maxQueuedBytes</c> and the folders its <c>using</c> may load from.</summary>
    static CollectorSettings Complete(CollectorSettings settings, IReadOnlyList<string> pluginsPath)
    {
        var share = settings.Ingest.MaxQueuedBytes / Math.Max(1, settings.Plugins.Count);
        IReadOnlyList<string> folders = [AppContext.BaseDirectory, .. pluginsPath.Select(Path.GetFullPath)];
        return settings with { Plugins = [.. settings.Plugins.Select(p => p with { QueueBytes = share, AssemblyFolders = folders })] };
    }

    static YamlNode ControlEndpoint(YamlReader reader, YamlMappingNode map, string path)
    {
        YamlNode? endpoint = null;
        foreach (var (_, _, value) in reader.Entries(map, path, "endpoint"))
            endpoint = value;
        return endpoint ?? throw reader.Error(map, path, "expected endpoint, e.g. control: { endpoint: \"tcp://127.0.0.1:5012\" }");
    }

    static IngestSettings ReadIngest(YamlReader reader, YamlNode node, string path)
    {
        var settings = IngestSettings.Default;
        var queuedAt = node;
        foreach (var (name, key, value) in reader.Entries(reader.Mapping(node, path), path, "endpoints", "maxMessageBytes", "receiveHighWatermark", "maxQueuedBytes"))
        {
            switch (name)
            {
                case "maxMessageBytes": settings = settings with { MaxMessageBytes = reader.PositiveInt(value, key) }; break;
                case "receiveHighWatermark": settings = settings with { ReceiveHighWatermark = reader.PositiveInt(value, key) }; break;
                case "maxQueuedBytes": settings = settings with { MaxQueuedBytes = ReadBytes(reader, value, key) }; queuedAt = value; break;
                default: settings = ReadEndpoints(reader, value, key, settings); break;
            }
        }
        if (settings.MaxQueuedBytes < settings.MaxMessageBytes)
            throw reader.Error(queuedAt, path + ".maxQueuedBytes", $"{settings.MaxQueuedBytes} bytes cannot hold one message of ingest.maxMessageBytes ({settings.MaxMessageBytes})");
        return settings;
    }

    static long ReadBytes(YamlReader reader, YamlNode node, string key)
    {
        var text = reader.Scalar(node, key);
        return ByteSize.TryParse(text, out var bytes) ? bytes : throw reader.Error(node, key, $"'{text}' is not a size ({ByteSize.Formats})");
    }

    static IReadOnlyList<string> ReadFolders(YamlReader reader, YamlNode node, string key)
    {
        var folders = reader.ScalarOrList(node, key);
        for (var i = 0; i < folders.Count; i++)
        {
            if (!Directory.Exists(folders[i]))
            {
                var at = node is YamlSequenceNode list ? list.Children[i] : node;
                throw reader.Error(at, node is YamlSequenceNode ? $"{key}[{i}]" : key, $"'{folders[i]}' is not a folder");
            }
        }
        return folders;
    }

    static IngestSettings ReadEndpoints(YamlReader reader, YamlNode node, string key, IngestSettings settings)
    {
        var endpoints = ReadEndpointList(reader, node, key);
        var locations = node is YamlSequenceNode list ? list.Children.Select(reader.At).ToArray() : [reader.At(node)];
        return settings with { Endpoints = endpoints, EndpointLocations = locations };
    }

    static IReadOnlyList<string> ReadEndpointList(YamlReader reader, YamlNode node, string key)
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

    static StatsSettings ReadStats(YamlReader reader, YamlNode node, string path)
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

    static IReadOnlyList<PluginSettings> DefaultPlugins(string source) =>
        source == DefaultConfig.Source ? [] : DefaultConfig.Load().Plugins;

    static string Trim(string message)
    {
        // YamlDotNet prefixes messages with "(Line: 3, Col: 1, Idx: 20) - (...): "; the line is already ours.
        var end = message.IndexOf("): ", StringComparison.Ordinal);
        return message.StartsWith("(Line:", StringComparison.Ordinal) && end > 0 ? message[(end + 3)..] : message;
    }
}
