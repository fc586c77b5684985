using System.Runtime.InteropServices;
using Distlog.Collector.Configuration;
using Distlog.Collector.Events;
using Distlog.Collector.Ingest;
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
internal sealed class EventJournal : IDisposable
{
    public const string IdFile = "journal.id";
    public static readonly TimeSpan FsyncInterval = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan FullReportEvery = TimeSpan.FromSeconds(5);

    private readonly JournalSettings _settings;
    private readonly ILogger _log;
    private readonly List<JournalSegment> _segments;
    private readonly SenderTable _senders = new();
    private readonly Dictionary<string, long> _cursors = [];
    private readonly HashSet<string> _expected = [];
    private readonly Lock _handleLock = new();
    // Guards the segment list and the cursors; never held while waiting for anything.
    private readonly Lock _segmentsLock = new();
    private readonly Timer? _fsyncTimer;
    private SafeFileHandle _active = null!;
    private long _activeLength, _committedLength, _totalBytes, _written, _next;
    // Records written and not yet handed to the OS: a burst of small messages costs one write, not one each.
    private byte[] _pending = new byte[256 * 1024];
    private int _pendingLength;
    private readonly List<BatchId> _pendingBatches = [];
    private bool _dirty;
    private Task _closing = Task.CompletedTask;
    private volatile bool _interrupted;

    private EventJournal(JournalSettings settings, ILogger log)
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

    /// <summary>The segment that holds event <paramref name="id"/>, or the oldest where it is older than all of them.</summary>
    public JournalSegment SegmentFor(long id)
    {
        lock (_segmentsLock)
        {
            for (var i = _segments.Count - 1; i > 0; i--)
            {
                if (_segments[i].FirstId <= id)
                    return _segments[i];
            }
            return _segments[0];
        }
    }

    /// <summary>How far <paramref name="segment"/> may be read (the committed end of the active one), and the segment after it.</summary>
    public long Limit(JournalSegment segment, out JournalSegment? following)
    {
        lock (_segmentsLock)
        {
            var index = _segments.IndexOf(segment);
            following = index >= 0 && index + 1 < _segments.Count ? _segments[index + 1] : null;
            return following is null && index >= 0 ? Volatile.Read(ref _committedLength) : long.MaxValue;
        }
    }

    /// <summary>
    /// Names the plugins that will read the journal: no segment is deleted before each of them has saved its cursor
    /// (plugins start one after the other, and the first must not delete what a later one still needs).
    /// </summary>
    public void ExpectPlugins(IEnumerable<string> plugins)
    {
        lock (_segmentsLock)
            _expected.UnionWith(plugins);
    }

    /// <summary>Notes a plugin's saved cursor (the id of the next event it needs) and deletes the segments every plugin is past.</summary>
    public void CursorSaved(string plugin, long next)
    {
        List<JournalSegment> done = [];
        lock (_segmentsLock)
        {
            _cursors[plugin] = next;
            if (!_expected.IsSubsetOf(_cursors.Keys))
                return;
            var oldest = _cursors.Values.Min();
            while (_segments.Count > 1 && _segments[1].FirstId <= oldest)
            {
                done.Add(_segments[0]);
                _segments.RemoveAt(0);
            }
        }
        foreach (var segment in done)
        {
            var length = new FileInfo(segment.Path).Length;
            File.Delete(segment.Path);
            Interlocked.Add(ref _totalBytes, -length);
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

    private bool WaitForRoom(int size)
    {
        // The active segment can be deleted only once it is closed: close it, so that readers can leave it behind.
        if (_activeLength > RecordHeader.Size + 64 * 1024 || _segments.Count == 1)
            NextSegment();
        Counters.CountFullWait();
        _log.Warning("Journal: full ({Bytes} of maxBytes {MaxBytes}); ingest waits until the slowest plugin catches up, and senders hold their batches",
            Bytes, _settings.MaxBytes);
        var started = Environment.TickCount64;
        var reported = started;
        while (Bytes + size > _settings.MaxBytes)
        {
            if (_interrupted)
                return false;
            Thread.Sleep(50);
            if (Environment.TickCount64 - reported >= FullReportEvery.TotalMilliseconds)
            {
                reported = Environment.TickCount64;
                _log.Warning("Journal: still full after {Seconds} s; the slowest plugin holds it", (reported - started) / 1000);
            }
        }
        _log.Information("Journal: room again after {Seconds:0.0} s", (Environment.TickCount64 - started) / 1000.0);
        return true;
    }

    private void NextSegment()
    {
        SafeFileHandle closed;
        lock (_handleLock)
            closed = _active;
        StartSegment();
        if (_settings.Fsync == JournalFsync.Always)
        {
            // Acknowledged batches of it may wait for this fsync: no later than the next acknowledgement.
            RandomAccess.FlushToDisk(closed);
            closed.Dispose();
            return;
        }
        // Syncing 64 MB takes a while on a slow disk; ingest goes on meanwhile, as the file plugin does when it rolls.
        _closing = _closing.ContinueWith(_ => CloseSegment(closed), TaskScheduler.Default);
    }

    private void CloseSegment(SafeFileHandle handle)
    {
        try
        {
            if (_settings.Fsync != JournalFsync.Never)
                RandomAccess.FlushToDisk(handle);
        }
        catch (IOException ex)
        {
            _log.Warning("Journal: cannot flush a closed segment to disk: {Error:l}", ex.Message);
        }
        finally
        {
            handle.Dispose();
        }
    }

    private void StartSegment()
    {
        var segment = JournalSegment.In(_settings.Path, _written);
        var handle = File.OpenHandle(segment.Path, FileMode.Create, FileAccess.Write, FileShare.Read | FileShare.Delete);
        lock (_handleLock)
            _active = handle;
        lock (_segmentsLock)
        {
            _segments.Add(segment);
            _activeLength = 0;
            Volatile.Write(ref _committedLength, 0);
        }

        var nowMs = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        var table = _senders.Serialize(nowMs);
        var record = new byte[RecordHeader.Size + table.Length];
        new RecordHeader(RecordKind.Senders, 'P', 0, _written, nowMs, BatchId.None).WriteBody(record.AsSpan(RecordHeader.PrefixSize));
        table.CopyTo(record.AsSpan(RecordHeader.Size));
        RecordHeader.WritePrefix(record);
        AppendRecord(record);
        Volatile.Write(ref _committedLength, _activeLength);
    }

    private void AppendRecord(ReadOnlySpan<byte> record)
    {
        RandomAccess.Write(_active, record, _activeLength);
        _activeLength += record.Length;
        Interlocked.Add(ref _totalBytes, record.Length);
        _dirty = true;
    }

    private static string ReadOrCreateId(string folder)
    {
        var path = Path.Combine(folder, IdFile);
        if (File.Exists(path))
        {
            var text = File.ReadAllText(path).Trim();
            if (Guid.TryParse(text, out var id))
                return id.ToString("N");
        }
        var created = Guid.NewGuid().ToString("N");
        File.WriteAllText(path, created + "\n");
        return created;
    }
}
