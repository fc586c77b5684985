using System.Globalization;
using Serilog.Debugging;
using Serilog.Events;

namespace Distlog.Collector.Plugins.Files;

/// <summary>
/// The <c>file</c> plugin: one CLEF line per event — the line as received, or formatted where the event did not come as
/// CLEF (a Python record) — in a rolling file set named as Serilog.Sinks.File names it (<see cref="RollingFilePath"/>).
/// </summary>
/// <remarks>
/// <para>A batch is gathered in one buffer and handed to the OS in one write at its end (with <c>buffered</c>, once
/// <see cref="BufferSize"/> bytes are pending). The file is fsynced when it is closed (roll: in the background, so
/// that the worker goes on with the next file; shutdown: waiting for those too) and every
/// <c>flushToDiskInterval</c> where one is set: a crash of the process loses nothing handed over, a crash of the
/// machine may lose what the OS had not written back.</para>
/// <para>A batch that fails (disk full) is thrown back to the host, which retries it whole; writes go to explicit
/// offsets (<see cref="PendingFile"/>), so the retry leaves no torn line and, unless the failure came while moving to a
/// new file, no doubled one. The plugin owns its files: roll them with <c>rollingInterval</c>/<c>fileSizeLimitBytes</c>,
/// not by truncating them from outside.</para>
/// <para>Threading: the host's worker calls <see cref="EmitBatch"/> and <see cref="Dispose"/>, the flush timer runs on
/// the thread pool; one lock orders them.</para>
/// </remarks>
sealed class ClefFileSink : IBatchSink, IDiscardingSink, ICheckpointedSink
{
    /// <summary>The most bytes gathered before a write, and what <c>buffered</c> waits for.</summary>
    public const int BufferSize = 256 * 1024;

    readonly ClefFileOptions _options;
    readonly RollingFiles _files;
    readonly ClefBuffer _clef = new();
    readonly Lock _lock = new();
    readonly Timer? _flushTimer;
    readonly TaskScheduler _closeScheduler;
    PendingFile? _file;
    Task _closing = Task.CompletedTask;
    bool _disposed, _reportedFull;
    long _discarded, _discardedInBatch;

    /// <summary>Events skipped: at the size limit without rolling, or not writable as CLEF.</summary>
    public long Discarded => Interlocked.Read(ref _discarded);

    public string DiscardCause => "the file reached fileSizeLimitBytes without rollOnFileSizeLimit, or an event could not be written as CLEF";

    /// <summary>Creates the folder and opens (or continues) the current file; throws where that fails.</summary>
    public ClefFileSink(ClefFileOptions options)
        : this(options, TaskScheduler.Default)
    {
    }

    /// <summary>As the public constructor; rolled files are closed on <paramref name="closeScheduler"/> (tests hold it).</summary>
    internal ClefFileSink(ClefFileOptions options, TaskScheduler closeScheduler)
    {
        _closeScheduler = closeScheduler;
        _options = options;
        _files = new RollingFiles(options);
        Directory.CreateDirectory(_files.Directory);
        _file = _files.Open(DateTime.Now, nextSequence: false);
        if (options.FlushToDiskInterval is { } interval)
            _flushTimer = new Timer(_ => FlushToDisk(), null, interval, interval);
    }

    /// <summary>The full path of the file being written.</summary>
    public string CurrentFile => _file?.Path ?? "";

    public void EmitBatch(EventBatch batch)
    {
        lock (_lock)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            var now = DateTime.Now;
            // After a failed roll there is no file: this retry opens one.
            var file = _file is null || _files.PeriodEnded(now) ? Roll(now, nextSequence: false) : _file;
            var (start, mark) = (file, file.Pending);
            _discardedInBatch = 0;
            try
            {
                for (var i = 0; i < batch.Count; i++)
                    file = Append(file, batch, i, now);
                if (!_options.Buffered || file.Pending >= BufferSize)
                    file.Write();
                // Counted once the batch is through: a retried batch discards the same events again.
                Interlocked.Add(ref _discarded, _discardedInBatch);
            }
            catch
            {
                // The host retries the whole batch: forget the part of it still pending.
                _file?.Truncate(_file == start ? mark : 0);
                throw;
            }
        }
    }

    /// <summary>Writes what is pending and returns the file and its length: what the plugin's saved cursor stands for.</summary>
    public string Checkpoint()
    {
        lock (_lock)
        {
            if (_file is null)
                return "";
            _file.Write();
            return $"{_file.Path}\n{_file.Length.ToString(CultureInfo.InvariantCulture)}";
        }
    }

    /// <summary>
    /// After a crash: cuts the file named in <paramref name="state"/> back to the length it had when the cursor was saved,
    /// and deletes the files of the set begun after it, so that the events replayed from the journal are written once.
    /// </summary>
    public void Restore(string state)
    {
        var newline = state.IndexOf('\n');
        if (newline < 0 || !long.TryParse(state.AsSpan(newline + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var length))
            return;
        var path = state[..newline];
        lock (_lock)
        {
            _file?.Dispose();
            _file = null;
            foreach (var later in _files.After(path))
            {
                SelfLog.WriteLine("The file plugin removes {0}, begun after its last saved cursor: its events are written again from the journal", later);
                File.Delete(later);
            }
            if (File.Exists(path) && new FileInfo(path).Length > length)
            {
                using var handle = File.OpenHandle(path, FileMode.Open, FileAccess.Write);
                RandomAccess.SetLength(handle, length);
            }
            _file = _files.Open(DateTime.Now, nextSequence: false);
        }
    }

    /// <summary>Writes what is pending, fsyncs and closes the file. Idempotent.</summary>
    public void Dispose()
    {
        _flushTimer?.Dispose();
        lock (_lock)
        {
            if (_disposed)
                return;
            _disposed = true;
            _clef.Dispose();
            var file = _file;
            _file = null;
            _closing.Wait();
            file?.Dispose();
        }
    }

    PendingFile Append(PendingFile file, EventBatch batch, int index, DateTime now)
    {
        ReadOnlySpan<byte> line;
        try
        {
            line = _clef.Line(batch, index);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // Formatting fails the same way on every retry, so holding the batch back for it would stall the plugin.
            SelfLog.WriteLine("The file plugin skips an event it cannot write as CLEF: {0}", ex);
            _discardedInBatch++;
            return file;
        }

        if (_options.FileSizeLimitBytes is { } limit && file.Length >= limit)
        {
            if (!_options.RollOnFileSizeLimit)
            {
                ReportFull(file, limit);
                _discardedInBatch++;
                return file;
            }
            file = Roll(now, nextSequence: true);
        }
        else if (!file.Fits(line.Length))
        {
            // Written before the buffer would have to grow: a buffer of BufferSize is on the large object heap, and
            // growing it per batch cost two such arrays per 256 KB written (gen2 collections at ~800 B per event).
            file.Write();
        }
        file.Append(line);
        return file;
    }

    void FlushToDisk()
    {
        lock (_lock)
        {
            try
            {
                _file?.FlushToDisk();
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                SelfLog.WriteLine("The file plugin cannot flush {0} to disk: {1}", CurrentFile, ex.Message);
            }
        }
    }

    PendingFile Roll(DateTime now, bool nextSequence)
    {
        if (_file is { } old)
        {
            // Where writing fails the old file stays current with its pending lines, and the host's retry rolls again.
            old.Write();
            // fsync and close off the worker, one file after the other: syncing a 1 GB file takes seconds, and
            // meanwhile the plugin's queue would fill and drop.
            _closing = _closing.ContinueWith(_ => CloseRolled(old), _closeScheduler);
        }
        _file = null;
        _reportedFull = false;
        return _file = _files.Open(now, nextSequence);
    }

    static void CloseRolled(PendingFile file)
    {
        try
        {
            file.Dispose();
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // Nobody waits on this task until disposal: report here, and leave the chain of closes intact.
            SelfLog.WriteLine("The file plugin cannot flush {0} to disk after rolling: {1}", file.Path, ex.Message);
        }
    }

    void ReportFull(PendingFile file, long limit)
    {
        if (_reportedFull)
            return;
        _reportedFull = true;
        SelfLog.WriteLine("The file plugin's file {0} reached fileSizeLimitBytes ({1}); events are discarded until the next period " +
            "(set rollOnFileSizeLimit: true to go on in a new file)", file.Path, limit);
    }
}
