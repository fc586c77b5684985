namespace Distlog.Collector.Plugins.Redis;

/// <summary>How the redis plugin hands events to Redis; YAML <c>mode: stream | list | publish</c>.</summary>
enum RedisMode
{
    /// <summary><c>XADD key MAXLEN ~ N * clef line</c>: a capped stream; read with XRANGE/XREAD/XREADGROUP. The default.</summary>
    Stream,

    /// <summary><c>RPUSH key line...</c>: a list, oldest first; consumers pop it (BLPOP), nothing trims it.</summary>
    List,

    /// <summary><c>PUBLISH key line</c>: pub/sub, best-effort; only clients subscribed at that moment receive it.</summary>
    Publish,
}
