using Distlog.Cli.Input;

namespace Distlog.Cli.Rendering;

/// <summary>Where a command's events go: CLEF, text or trees. Driven by one thread.</summary>
interface IEventOutput
{
    /// <summary>Writes (or, for trees, collects) one event.</summary>
    void Write(ClefRecord record);

    /// <summary>Lets a live output write what it held back long enough; called while waiting for events.</summary>
    void Poll()
    {
    }

    /// <summary>Writes what is held back and flushes; called once at the end, also after Ctrl-C.</summary>
    void Complete();
}
