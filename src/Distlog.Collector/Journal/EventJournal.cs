using System.Runtime.InteropServices;
using Distlog.Collector.Configuration;
using Distlog.Collector.Events;
using Microsoft.Win32.SafeHandles;
using Serilog;

namespace Distlog.Collector.Journal;

/// <summary>
/// The collector's journal: append-only segment files that every accepted batch is written to before it is
/// acknowledged, and that every plugin reads at its own pace. Events get ids that rise by one from event to event.
/// The ingest thread writes (<see cref="Write"/>) and then, holding <see cref="Sync"/>, makes what it wrote visible
/// (<see cref="Commit"/>) and offers it to the plugins that keep up; plugins that fall behind read the segments
/// (<see cref="JournalReader"/>). A segment is deleted once every plugin's saved cursor is past it.
/// </summary>
sealed partial class EventJournal : IDisposable
{
    public const string IdFile = "journal.id";
    public static readonly TimeSpan FsyncInterval = TimeSpan.FromSeconds(1);
    static readonly TimeSpan FullReportEvery = TimeSpan.FromSeconds(5);

    readonly JournalSettings _settings;
    readonly ILogger _log;
    readonly List<JournalSegment> _segments;
    readonly SenderTable _senders = new();
    readonly Dictionary<string, long> _cursors = [];
    readonly HashSet<string> _expected = [];
    readonly Lock _handleLock = new();
    // Guards the segment list and the cursors; never held while waiting for anything.
    readonly Lock _segmentsLock = new();
    readonly Timer? _fsyncTimer;
    SafeFileHandle _active = null!;
    long _activeLength, _committedLength, _totalBytes, _written, _next;
    // Records written and not yet handed to the OS: a burst of small messages costs one write, not one each.
    byte[] _pending = new byte[256 * 1024];
    int _pendingLength;
    readonly List<BatchId> _pendingBatches = [];
    bool _dirty;
    Task _closing = Task.CompletedTask;
    volatile bool _interrupted;

    EventJournal(JournalSettings settings, ILogger log)
    {
        _settings = settings;
        _log = log;
        Directory.CreateDirectory(settings.Path);
        Id = ReadOrCreateId(settings.Path);
        _segments = JournalSegment.List(settings.Path);
        _next = 1;
        if (_segments.Count > 0)
        {
            _next = Math.Max(_next, JournalRecovery.Recover(_segments[^1], _senders, Counters, log, out var sawSenders));
            if (!sawSenders && _segments.Count > 1)
                JournalRecovery.Recover(_segments[^2], _senders, Counters, log);
            if (_segments[^1].FirstId >= _next)
            {
                // The newest segment holds no event (its sender table was read above): the new one replaces it.
                File.Delete(_segments[^1].Path);
                _segments.RemoveAt(_segments.Count - 1);
            }
        }
        _written = _next;
        foreach (var segment in _segments)
            _totalBytes += new FileInfo(segment.Path).Length;
        StartSegment();
        if (settings.Fsync == JournalFsync.Interval)
            _fsyncTimer = new Timer(_ => FlushToDisk(), null, FsyncInterval, FsyncInterval);
    }

    /// <summary>Opens the journal in <see cref="JournalSettings.Path"/>, recovering what a crash left; throws where the folder cannot be used.</summary>
    public static EventJournal Open(JournalSettings settings, ILogger log) => new(settings, log);

    /// <summary>A random id of this journal, kept in its folder: a store that keeps its own place keeps it per journal.</summary>
    public string Id { get; }

    public JournalSettings Settings => _settings;

    public JournalCounters Counters { get; } = new();

    /// <summary>Held by ingest while it commits and offers a message, and by a plugin that goes back to taking events live.</summary>
    public object Sync { get; } = new();

    /// <summary>The id the next event will get: every id below it is committed.</summary>
    public long NextId => Volatile.Read(ref _next);

    /// <summary>Bytes in all segments.</summary>
    public long Bytes => Interlocked.Read(ref _totalBytes);

    /// <summary>Whether the batch is already journaled (a resend). Ingest thread only.</summary>
    public bool Contains(in BatchId batch) => !batch.IsNone && _senders.Contains(batch);

    /// <summary>
    /// Appends the events as one record; returns the first one's id, or -1 where the journal was full and
    /// <see cref="Interrupt"/> ended the wait for room. Throws an <see cref="IOException"/> where the disk refuses.
    /// Ingest thread only; the record goes to the OS at the next <see cref="Flush"/>, and is invisible to readers
    /// until <see cref="Commit"/>.
    /// </summary>
    public long Write(char system, ReadOnlySpan<IngestedEvent> events, in BatchId batch)
    {
        var size = RecordHeader.Size + Math.Max(0, events.Length - 1);
        foreach (ref readonly var e in events)
            size += e.Clef.Length;
        if (_activeLength + _pendingLength > 0 && _activeLength + _pendingLength + size > _settings.EffectiveSegmentBytes)
        {
            Flush();
            NextSegment();
        }
        if (_totalBytes + _pendingLength + size > _settings.MaxBytes)
        {
            Flush();
            if (!WaitForRoom(size))
                return -1;
        }

        if (_pending.Length - _pendingLength < size)
            Array.Resize(ref _pending, Math.Max(_pendingLength + size, _pending.Length * 2));
        var record = _pending.AsSpan(_pendingLength, size);
        var first = _written;
        var nowMs = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        new RecordHeader(RecordKind.Events, system, events.Length, first, nowMs, batch).WriteBody(record[RecordHeader.PrefixSize..]);
        var at = RecordHeader.Size;
        for (var i = 0; i < events.Length; i++)
        {
            if (i > 0)
                record[at++] = (byte)'\n';
            events[i].Clef.Span.CopyTo(record[at..]);
            at += events[i].Clef.Length;
        }
        RecordHeader.WritePrefix(record);
        _pendingLength += size;
        _written += events.Length;
        if (!batch.IsNone)
        {
            _senders.Add(batch, nowMs);
            _pendingBatches.Add(batch);
        }
        return first;
    }

    /// <summary>Bytes written and not yet handed to the OS (<see cref="Flush"/>).</summary>
    public int Pending => _pendingLength;

    /// <summary>Hands the records written since the last call to the OS in one write. Ingest thread only.</summary>
    public void Flush()
    {
        if (_pendingLength == 0)
            return;
        try
        {
            AppendRecord(_pending.AsSpan(0, _pendingLength));
        }
        catch
        {
            // Not in the journal after all: a resend must be written, not taken for a duplicate.
            foreach (var batch in _pendingBatches)
                _senders.Remove(batch);
            throw;
        }
        finally
        {
            _pendingBatches.Clear();
            // Where the write failed, the records are given up (their batches are not acknowledged) and the next write
            // goes to the same offset.
            _pendingLength = 0;
            if (_pending.Length > 4 * 1024 * 1024)
                _pending = new byte[256 * 1024];
        }
    }

    /// <summary>Makes everything written and flushed visible to readers. Ingest thread, holding <see cref="Sync"/>.</summary>
    public void Commit()
    {
        Volatile.Write(ref _committedLength, _activeLength);
        Volatile.Write(ref _next, _written);
    }

    /// <summary>Forces what was written to disk (<c>fsync: always</c>, before acknowledging).</summary>
    public void FlushToDisk()
    {
        lock (_handleLock)
        {
            if (!_dirty || _active.IsClosed)
                return;
            _dirty = false;
            RandomAccess.FlushToDisk(_active);
        }
    }

    /// <summary>Ends a wait for room in <see cref="Write"/>, now and later (shutting down).</summary>
    public void Interrupt() => _interrupted = true;

    public void Dispose()
    {
        _fsyncTimer?.Dispose();
        _closing.Wait();
        lock (_handleLock)
        {
            if (_active.IsClosed)
                return;
            if (_settings.Fsync != JournalFsync.Never)
                RandomAccess.FlushToDisk(_active);
            _active.Dispose();
        }
    }

}
