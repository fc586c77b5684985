using Distlog.Collector.Plugins.Redis.Resp;

namespace Distlog.Collector.Plugins.Redis;

/// <summary>
/// Settings of the redis plugin (<c>sink: redis</c>); each property is the YAML <c>args</c> key of the same name in camelCase.
/// </summary>
sealed record RedisSinkOptions
{
    /// <summary>The default <see cref="Server"/>.</summary>
    public const string DefaultServer = "localhost:6379";

    /// <summary>The default <see cref="Key"/>.</summary>
    public const string DefaultKey = "distlog";

    /// <summary>The default <see cref="MaxLength"/>.</summary>
    public const long DefaultMaxLength = 1_000_000;

    /// <summary>The Redis server, <c>host:port</c> (port 6379 where omitted). Default <c>localhost:6379</c>.</summary>
    public string Server { get; init; } = DefaultServer;

    /// <summary>Stream, list or publish. Default <see cref="RedisMode.Stream"/>.</summary>
    public RedisMode Mode { get; init; } = RedisMode.Stream;

    /// <summary>The stream or list key, or the channel in publish mode. Default <c>distlog</c>.</summary>
    public string Key { get; init; } = DefaultKey;

    /// <summary>
    /// Stream mode: the approximate cap on the stream's length (<c>MAXLEN ~</c>; Redis trims whole nodes, so it may
    /// hold somewhat more). Null: never trim. Ignored by the other modes. Default 1,000,000.
    /// </summary>
    public long? MaxLength { get; init; } = DefaultMaxLength;

    /// <summary>The ACL user for <c>AUTH username password</c> (Redis 6+); null sends <c>AUTH password</c>. Needs <see cref="Password"/>.</summary>
    public string? Username { get; init; }

    /// <summary>The password; null sends no AUTH. Default null.</summary>
    public string? Password { get; init; }

    /// <summary>The database number for <c>SELECT</c>. Default 0.</summary>
    public int Database { get; init; }

    /// <summary>Bound on establishing the TCP connection. Default 5 s.</summary>
    public TimeSpan ConnectTimeout { get; init; } = RespConnection.DefaultConnectTimeout;

    /// <summary>Bound on each socket read or write while a batch is sent and its replies read. Default 10 s.</summary>
    public TimeSpan CommandTimeout { get; init; } = RespConnection.DefaultCommandTimeout;
}
