namespace Distlog.Collector.Plugins.Redis.Resp;

/// <summary>A failure talking to Redis: see <see cref="RedisServerException"/> and <see cref="RedisConnectionException"/>.</summary>
abstract class RedisException : Exception
{
    /// <summary>Creates the exception with its message and, where there is one, the exception that caused it.</summary>
    protected RedisException(string message, Exception? innerException = null)
        : base(message, innerException)
    {
    }
}
