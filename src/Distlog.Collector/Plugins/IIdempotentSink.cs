namespace Distlog.Collector.Plugins;

/// <summary>
/// A sink that writes each event under an identifier made of the journal's <see cref="Journal.EventJournal.Epoch"/> and
/// the event's id, so that a batch written again (a retry after a failure half way, a replay after a crash) is refused
/// by the store instead of doubled: the redis plugin's stream IDs.
/// </summary>
internal interface IIdempotentSink
{
    /// <summary>Called once, before the first batch, where distlogd runs with a journal.</summary>
    void UseJournal(long epoch);
}
