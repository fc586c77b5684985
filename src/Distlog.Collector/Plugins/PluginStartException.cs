namespace Distlog.Collector.Plugins;

/// <summary>A plugin's sink could not be created (file not writable, endpoint in use...): start-up stops.</summary>
sealed class PluginStartException(string plugin, Exception inner)
    : Exception($"plugin {plugin} cannot start: {inner.Message}", inner)
{
    public string Plugin { get; } = plugin;
}
