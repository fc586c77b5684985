namespace Distlog.Collector.Plugins.Redis.Resp;

/// <summary>Redis answered a command with an error reply; the connection itself is still in step.</summary>
sealed class RedisServerException : RedisException
{
    /// <summary>Creates the exception from Redis's error text, optionally prefixed with what was being done.</summary>
    /// <param name="serverMessage">The error reply as Redis sent it, e.g. <c>WRONGPASS invalid username-password pair</c>.</param>
    /// <param name="context">What failed, in words (e.g. "Redis at localhost:6379 refused the credentials"); null for a plain reply.</param>
    public RedisServerException(string serverMessage, string? context = null)
        : base(context is null ? $"Redis replied with an error: {serverMessage}" : $"{context}: {serverMessage}")
    {
        ServerMessage = serverMessage;
    }

    /// <summary>The error reply exactly as Redis sent it.</summary>
    public string ServerMessage { get; }

    /// <summary>The reply's first word, by Redis convention its error code: <c>ERR</c>, <c>WRONGTYPE</c>, <c>NOAUTH</c>, ...</summary>
    public string ErrorCode
    {
        get
        {
            var space = ServerMessage.IndexOf(' ');
            return space < 0 ? ServerMessage : ServerMessage[..space];
        }
    }
}
