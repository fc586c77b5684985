namespace Distlog.Load.Harness;

/// <summary>Calls a handler for every line of a file (without its <c>\n</c>), streaming, without a string per line.</summary>
static class LineScanner
{
    public delegate void LineHandler(ReadOnlySpan<byte> line);

    public static void Scan(string path, LineHandler handler)
    {
        if (!File.Exists(path))
            return;
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, 1, FileOptions.SequentialScan);
        var buffer = new byte[1 << 20];
        var kept = 0;
        int read;
        while ((read = stream.Read(buffer, kept, buffer.Length - kept)) > 0)
        {
            var data = buffer.AsSpan(0, kept + read);
            int end;
            while ((end = data.IndexOf((byte)'\n')) >= 0)
            {
                handler(data[..end]);
                data = data[(end + 1)..];
            }
            kept = data.Length;
            if (kept == buffer.Length)
                Array.Resize(ref buffer, buffer.Length * 2); // one line longer than the buffer
            data.CopyTo(buffer);
        }
        if (kept > 0)
            handler(buffer.AsSpan(0, kept));
    }
}
