namespace Distlog.Collector.Configuration;

/// <summary>A plugin's <c>whenFull</c>: what ingest does with an event when the plugin's queue is full.</summary>
enum PluginWhenFull
{
    /// <summary>Drop the event for this plugin and count it; ingest and the other plugins go on. The default.</summary>
    Drop,

    /// <summary>
    /// Wait for room: ingest stops reading, so libzmq's high-water marks carry the pause back to the senders, and
    /// every plugin waits for this one. For a store that must lose nothing.
    /// </summary>
    Block,
}
