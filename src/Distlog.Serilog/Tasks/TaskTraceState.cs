using System.Diagnostics.CodeAnalysis;

namespace Distlog.Tasks;

/// <summary>
/// The <c>distlog</c> entry of a W3C <c>tracestate</c>, <c>distlog={root}{path}</c>: the id a caller's task reserved
/// for a call, which .NET sends with <c>traceparent</c> and ASP.NET Core puts on the callee's request activity.
/// </summary>
static class TaskTraceState
{
    const string Key = "distlog";
    // W3C trace context: a list member's value is at most 256 printable characters other than ',' and '='.
    const int MaxValueLength = 256;
    // W3C trace context: a tracestate holds at most 32 list members; the rightmost ones go first.
    const int MaxMembers = 32;

    /// <summary>
    /// <paramref name="traceState"/> with its <c>distlog</c> entry set to <paramref name="id"/>, first as W3C asks of an
    /// updated entry, the other vendors' entries kept. Unchanged where the id cannot be a tracestate value.
    /// </summary>
    public static string? With(string? traceState, string id)
    {
        if (id.Length > MaxValueLength || !IsValue(id))
            return traceState;

        var members = new List<string>(4) { Key + "=" + id };
        if (!string.IsNullOrEmpty(traceState))
        {
            foreach (var member in traceState.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            {
                if (members.Count < MaxMembers && !IsDistlogMember(member))
                    members.Add(member);
            }
        }
        return string.Join(',', members);
    }

    /// <summary>Reads the task id of the <c>distlog</c> entry; false where there is none or it is not a task id.</summary>
    public static bool TryRead(string? traceState, [NotNullWhen(true)] out string? root, [NotNullWhen(true)] out string? path)
    {
        root = path = null;
        if (string.IsNullOrEmpty(traceState))
            return false;

        foreach (var member in traceState.Split(',', StringSplitOptions.TrimEntries))
        {
            if (IsDistlogMember(member))
                return TaskKey.TrySplitId(member.AsSpan(Key.Length + 1), out root, out path);
        }
        return false;
    }

    static bool IsDistlogMember(string member) =>
        member.Length > Key.Length && member[Key.Length] == '=' && member.StartsWith(Key, StringComparison.Ordinal);

    static bool IsValue(string text)
    {
        foreach (var c in text)
        {
            if (c is < ' ' or > '~' or ',' or '=')
                return false;
        }
        return text.Length > 0 && text[^1] != ' ';
    }
}
