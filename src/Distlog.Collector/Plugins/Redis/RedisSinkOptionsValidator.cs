using Distlog.Collector.Plugins.Redis.Resp;

namespace Distlog.Collector.Plugins.Redis;

/// <summary>Checks <see cref="RedisSinkOptions"/> before the sink uses them, naming the YAML argument at fault.</summary>
static class RedisSinkOptionsValidator
{
    /// <summary>Throws where an option is out of range.</summary>
    /// <exception cref="ArgumentException">The message names the argument and what it accepts.</exception>
    public static void Validate(RedisSinkOptions options)
    {
        try
        {
            RedisEndpoint.Parse(options.Server ?? "");
        }
        catch (FormatException ex)
        {
            throw new ArgumentException($"The redis plugin's 'server': {ex.Message}", "server", ex);
        }

        if (string.IsNullOrEmpty(options.Key))
            throw Invalid("key", "must not be empty");
        if (!Enum.IsDefined(options.Mode))
            throw Invalid("mode", "must be stream, list or publish");
        if (options.MaxLength is <= 0)
            throw Invalid("maxLength", "must be a positive number of entries, or null for no trimming");
        if (options.Database < 0)
            throw Invalid("database", "must be 0 or more");
        if (options.Username is not null && options.Password is null)
            throw Invalid("username", "needs a password as well");
        if (options.ConnectTimeout <= TimeSpan.Zero)
            throw Invalid("connectTimeout", "must be positive");
        if (options.CommandTimeout <= TimeSpan.Zero || options.CommandTimeout.TotalMilliseconds > int.MaxValue)
            throw Invalid("commandTimeout", "must be positive and under 24 days");
    }

    static ArgumentException Invalid(string argument, string problem) =>
        new($"The redis plugin's '{argument}' {problem}.", argument);
}
