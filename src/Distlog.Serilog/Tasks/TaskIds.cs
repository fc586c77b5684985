using System.Diagnostics;
using System.Diagnostics.CodeAnalysis;

namespace Distlog.Tasks;

/// <summary>Reads the ids that <see cref="DistlogTask.Import(string, string, object?[])"/> accepts.</summary>
static class TaskIds
{
    /// <summary>True for a W3C <c>traceparent</c> header value, <c>00-{trace}-{span}-{flags}</c>.</summary>
    public static bool TryParseTraceParent(string id, out ActivityContext context) =>
        id.Length == 55 && id[2] == '-' && ActivityContext.TryParse(id, traceState: null, out context);

    /// <summary>True where <paramref name="root"/> is a W3C trace id (32 lowercase hex digits, not all zero).</summary>
    public static bool TryParseTraceId(string root, [NotNullWhen(true)] out ActivityTraceId? traceId)
    {
        traceId = null;
        if (root.Length != 32 || !root.AsSpan().ContainsOnlyLowercaseHex() || root.AsSpan().IndexOfAnyExcept('0') < 0)
            return false;

        traceId = ActivityTraceId.CreateFromString(root);
        return true;
    }

    static bool ContainsOnlyLowercaseHex(this ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            if (c is not (>= '0' and <= '9' or >= 'a' and <= 'f'))
                return false;
        }
        return true;
    }
}
