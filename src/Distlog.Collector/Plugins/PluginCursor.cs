using Distlog.Collector.Journal;
using Serilog;

namespace Distlog.Collector.Plugins;

/// <summary>
/// A plugin's place in the journal: where it starts (its store's own record, else its saved cursor, else the journal's
/// end for a new plugin), how far it has delivered, and the saving of that place — at most every
/// <see cref="SaveEvery"/> and when it stops — with the state its sink keeps beside it. Used by the plugin's worker.
/// </summary>
sealed class PluginCursor(EventJournal journal, string plugin, ILogger log)
{
    public static readonly TimeSpan SaveEvery = TimeSpan.FromMilliseconds(200);

    readonly string _path = JournalCursor.PathFor(journal.Settings.Path, plugin);
    long _saved = -1, _lastSave;
    bool _failing;

    /// <summary>The id of the next event the plugin needs.</summary>
    public long Position { get; private set; }

    /// <summary>Finds where <paramref name="sink"/> goes on, restores the sink's saved state, and registers the place with
    /// the journal, so that no segment it still needs is deleted.</summary>
    public long Start(IBatchSink sink)
    {
        var saved = JournalCursor.Load(_path);
        if (saved is not null && saved.JournalId != journal.Id)
            saved = null;
        var own = (sink as IPositionedSink)?.StoredPosition(journal.Id);
        if (own is null && saved?.State is { } state && sink is ICheckpointedSink checkpointed)
            checkpointed.Restore(state);
        Position = Math.Min(own ?? saved?.Next ?? journal.NextId, journal.NextId);
        // Saved at once: a plugin whose store is down from the start may not get to save it for a long time, and
        // without it a restart would start the plugin at the end of the journal, past everything it never delivered.
        Save(sink, now: true);
        journal.CursorSaved(plugin, Position);
        if (Position < journal.NextId)
            log.Information("Plugin {Plugin} resumes at journal event {Position}, {Behind} events behind", plugin, Position, journal.NextId - Position);
        return Position;
    }

    /// <summary>Moves the place to <paramref name="next"/> where that is further.</summary>
    public void Advance(long next) => Position = Math.Max(Position, next);

    /// <summary>Saves the place where it moved and <see cref="SaveEvery"/> has passed (or <paramref name="now"/>).</summary>
    public void Save(IBatchSink sink, bool now = false)
    {
        if (Position == _saved || !now && Environment.TickCount64 - _lastSave < SaveEvery.TotalMilliseconds)
            return;
        _lastSave = Environment.TickCount64;
        try
        {
            var state = (sink as ICheckpointedSink)?.Checkpoint();
            new JournalCursor(journal.Id, Position, state).Save(_path);
            _saved = Position;
            journal.CursorSaved(plugin, Position);
            if (_failing)
                log.Information("Plugin {Plugin} saves its journal cursor again", plugin);
            _failing = false;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // The place stays where it was saved last: a restart would deliver the events since then again.
            if (!_failing)
                log.Warning("Plugin {Plugin} cannot save its journal cursor {Path:l}: {Error:l}", plugin, _path, ex.Message);
            _failing = true;
        }
    }
}
