namespace Distlog.Collector.Plugins.Redis.Resp;

/// <summary>The RESP2 reply types.</summary>
enum RespKind
{
    /// <summary><c>+OK</c>: a short status text.</summary>
    SimpleString,

    /// <summary><c>-ERR ...</c>: an error reply; the connection stays usable.</summary>
    Error,

    /// <summary><c>:42</c>: a signed 64-bit integer.</summary>
    Integer,

    /// <summary><c>$3 abc</c>: a binary-safe string.</summary>
    BulkString,

    /// <summary><c>*2 ...</c>: an array of replies, which may be arrays themselves.</summary>
    Array,

    /// <summary><c>$-1</c> or <c>*-1</c>: no value (e.g. GET of a missing key).</summary>
    Null,
}
