using Distlog.Collector.Configuration;
using Microsoft.Win32.SafeHandles;

namespace Distlog.Collector.Journal;

/// <summary>The journal's segments: which one holds an event, when one is full, closed and deleted, and room in the journal.</summary>
sealed partial class EventJournal
{
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

    bool WaitForRoom(int size)
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

    void NextSegment()
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

    void CloseSegment(SafeFileHandle handle)
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

    void StartSegment()
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

    void AppendRecord(ReadOnlySpan<byte> record)
    {
        RandomAccess.Write(_active, record, _activeLength);
        _activeLength += record.Length;
        Interlocked.Add(ref _totalBytes, record.Length);
        _dirty = true;
    }

    static string ReadOrCreateId(string folder)
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
