namespace Distlog.Collector.Configuration;

/// <summary>
/// A configuration error the user can fix: the message names the file, the line and the key,
/// e.g. <c>distlogd.yaml:7: plugins[1].sink: unknown sink 'sqlit'; known sinks: ...</c>.
/// </summary>
sealed class ConfigException : Exception
{
    public ConfigException(ConfigLocation location, string key, string problem, Exception? inner = null)
        : base(key.Length == 0 ? $"{location}: {problem}" : $"{location}: {key}: {problem}", inner)
    {
        Location = location;
        Key = key;
        Problem = problem;
    }

    public ConfigException(string message, Exception? inner = null)
        : base(message, inner)
    {
        Key = Problem = "";
    }

    /// <summary>The file and line of the offending value; default where the file itself is the problem.</summary>
    public ConfigLocation Location { get; }

    /// <summary>The key's path from the document root, e.g. <c>plugins[1].filter.minimumLevel</c>.</summary>
    public string Key { get; }

    /// <summary>What is wrong, and where possible how to fix it.</summary>
    public string Problem { get; }
}
