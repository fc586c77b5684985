namespace Distlog.Load.Harness;

/// <summary>Counts the lines of a file that another process is appending to, reading only what was added since the last call.</summary>
sealed class LineCounter(string path) : IDisposable
{
    readonly byte[] _buffer = new byte[1 << 20];
    FileStream? _stream;
    long _lines;

    public long Count()
    {
        if (_stream is null)
        {
            if (!File.Exists(path))
                return 0;
            _stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, 1, FileOptions.SequentialScan);
        }

        int read;
        while ((read = _stream.Read(_buffer)) > 0)
            _lines += _buffer.AsSpan(0, read).Count((byte)'\n');
        return _lines;
    }

    public void Dispose() => _stream?.Dispose();
}
