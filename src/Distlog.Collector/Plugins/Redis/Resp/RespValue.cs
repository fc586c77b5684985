using System.Globalization;
using System.Text;

namespace Distlog.Collector.Plugins.Redis.Resp;

/// <summary>One parsed RESP2 reply. Immutable.</summary>
sealed class RespValue
{
    RespValue(RespKind kind, string? text = null, long integer = 0, byte[]? bytes = null, RespValue[]? items = null)
    {
        Kind = kind;
        Text = text;
        Integer = integer;
        Bytes = bytes;
        Items = items ?? [];
    }

    /// <summary>The null reply.</summary>
    public static RespValue Null { get; } = new(RespKind.Null);

    /// <summary>The reply's type.</summary>
    public RespKind Kind { get; }

    /// <summary>The text of a simple string or an error reply; null otherwise.</summary>
    public string? Text { get; }

    /// <summary>The value of an integer reply; 0 otherwise.</summary>
    public long Integer { get; }

    /// <summary>The bytes of a bulk string; null otherwise.</summary>
    public byte[]? Bytes { get; }

    /// <summary>The elements of an array reply; empty otherwise.</summary>
    public IReadOnlyList<RespValue> Items { get; }

    /// <summary>Creates a simple string reply.</summary>
    public static RespValue SimpleString(string text) => new(RespKind.SimpleString, text);

    /// <summary>Creates an error reply.</summary>
    public static RespValue Error(string message) => new(RespKind.Error, message);

    /// <summary>Creates an integer reply.</summary>
    public static RespValue FromInteger(long value) => new(RespKind.Integer, integer: value);

    /// <summary>Creates a bulk string reply; the array is kept, not copied.</summary>
    public static RespValue BulkString(byte[] bytes) => new(RespKind.BulkString, bytes: bytes);

    /// <summary>Creates an array reply; the array is kept, not copied.</summary>
    public static RespValue Array(RespValue[] items) => new(RespKind.Array, items: items);

    /// <summary>The reply as text (a bulk string decoded as UTF-8, an integer in invariant digits); null for arrays and null.</summary>
    public string? AsString() => Kind switch
    {
        RespKind.SimpleString or RespKind.Error => Text,
        RespKind.BulkString => Encoding.UTF8.GetString(Bytes!),
        RespKind.Integer => Integer.ToString(CultureInfo.InvariantCulture),
        _ => null,
    };

    /// <inheritdoc />
    public override string ToString() => Kind switch
    {
        RespKind.Array => $"[{string.Join(", ", Items)}]",
        RespKind.Null => "(nil)",
        RespKind.Error => $"(error) {Text}",
        _ => AsString()!,
    };
}
