using Microsoft.Win32.SafeHandles;

namespace Distlog.Collector.Plugins.Files;

/// <summary>
/// One open file of the <c>file</c> plugin and the lines gathered for it but not yet written. Lines are written at
/// explicit offsets, so a write that failed half way is overwritten whole by the next attempt. Not thread-safe.
/// </summary>
sealed class PendingFile : IDisposable
{
    readonly SafeFileHandle _handle;
    byte[] _pending = new byte[ClefFileSink.BufferSize];
    long _written;
    bool _unsynced;

    /// <summary>Opens <paramref name="path"/> to append to it, creating it where missing.</summary>
    public PendingFile(string path)
    {
        Path = path;
        _handle = File.OpenHandle(path, FileMode.OpenOrCreate, FileAccess.Write, FileShare.Read);
        _written = RandomAccess.GetLength(_handle);
    }

    public string Path { get; }

    /// <summary>Bytes not yet handed to the OS.</summary>
    public int Pending { get; private set; }

    /// <summary>The file's length once the pending bytes are written.</summary>
    public long Length => _written + Pending;

    /// <summary>True when <paramref name="lineLength"/> bytes and a newline fit beside the pending bytes without growing
    /// the buffer. A line longer than the buffer never fits; it is written from a buffer of its size.</summary>
    public bool Fits(int lineLength) => Pending + lineLength + 1 <= _pending.Length;

    /// <summary>Adds <paramref name="line"/> and a newline to the pending bytes, growing the buffer where they do not fit.</summary>
    public void Append(ReadOnlySpan<byte> line)
    {
        var size = line.Length + 1;
        if (_pending.Length - Pending < size)
            Array.Resize(ref _pending, Math.Max(_pending.Length * 2, Pending + size));
        line.CopyTo(_pending.AsSpan(Pending));
        _pending[Pending + line.Length] = (byte)'\n';
        Pending += size;
    }

    /// <summary>Drops the pending bytes after the first <paramref name="count"/>.</summary>
    public void Truncate(int count) => Pending = Math.Min(Pending, count);

    /// <summary>Hands the pending bytes to the OS in one write.</summary>
    public void Write()
    {
        if (Pending == 0)
            return;
        RandomAccess.Write(_handle, _pending.AsSpan(0, Pending), _written);
        _written += Pending;
        Pending = 0;
        _unsynced = true;
        if (_pending.Length > ClefFileSink.BufferSize)
            _pending = new byte[ClefFileSink.BufferSize];
    }

    /// <summary>Writes what is pending and waits until the OS has it on disk (fsync).</summary>
    public void FlushToDisk()
    {
        Write();
        if (_unsynced)
            RandomAccess.FlushToDisk(_handle);
        _unsynced = false;
    }

    /// <summary>Flushes to disk, then closes; closes even where flushing throws.</summary>
    public void Dispose()
    {
        try
        {
            FlushToDisk();
        }
        finally
        {
            _handle.Dispose();
        }
    }
}
