using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Distlog.Serilog.Tests.Support;

/// <summary>
/// A minimal HTTP server on a real loopback socket that answers every request <c>200 ok</c> and keeps the
/// request headers, so that tests see exactly what HttpClient sent.
/// </summary>
sealed class HeaderRecorder : IDisposable
{
    readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    readonly ConcurrentQueue<Dictionary<string, string>> _requests = new();
    readonly Thread _thread;

    public HeaderRecorder()
    {
        _listener.Start();
        Url = $"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}/";
        _thread = new Thread(Serve) { IsBackground = true, Name = "HeaderRecorder" };
        _thread.Start();
    }

    public string Url { get; }

    /// <summary>Each request's headers, names in lower case, in arrival order.</summary>
    public IReadOnlyList<Dictionary<string, string>> Requests => [.. _requests];

    void Serve()
    {
        try
        {
            while (true)
            {
                using var client = _listener.AcceptTcpClient();
                using var stream = client.GetStream();
                _requests.Enqueue(ReadHeaders(stream));
                stream.Write("HTTP/1.1 200 OK\r\nContent-Length: 2\r\nConnection: close\r\n\r\nok"u8);
            }
        }
        catch (SocketException)
        {
            // Stopped.
        }
        catch (ObjectDisposedException)
        {
            // Stopped.
        }
    }

    static Dictionary<string, string> ReadHeaders(NetworkStream stream)
    {
        var text = new StringBuilder();
        var buffer = new byte[1];
        while (!text.ToString().EndsWith("\r\n\r\n", StringComparison.Ordinal) && stream.Read(buffer) == 1)
            text.Append((char)buffer[0]);

        var headers = new Dictionary<string, string>();
        foreach (var line in text.ToString().Split("\r\n").Skip(1))
        {
            var colon = line.IndexOf(':');
            if (colon > 0)
                headers[line[..colon].Trim().ToLowerInvariant()] = line[(colon + 1)..].Trim();
        }
        return headers;
    }

    public void Dispose() => _listener.Stop();
}
