using System.Net.Sockets;

namespace Distlog.Collector.Plugins.Redis.Resp;

/// <summary>
/// The connection to Redis could not be made, was lost, timed out or carried a reply that is not RESP.
/// The connection is unusable afterwards: dispose it and connect again.
/// </summary>
sealed class RedisConnectionException : RedisException
{
    /// <summary>Creates the exception with its message and, where there is one, the socket or I/O error behind it.</summary>
    public RedisConnectionException(string message, Exception? innerException = null)
        : base(message, innerException)
    {
    }

    /// <summary>Wraps a socket or I/O error raised while talking to <paramref name="peer"/>.</summary>
    public static RedisConnectionException Lost(string peer, Exception error)
    {
        // NetworkStream reports a socket timeout as an IOException around a SocketException; name the timeout plainly.
        var reason = error.InnerException is SocketException { SocketErrorCode: SocketError.TimedOut }
            ? "no reply within the command timeout"
            : error.Message;
        return new RedisConnectionException($"Lost the connection to Redis at {peer}: {reason}", error);
    }
}
