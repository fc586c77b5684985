using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace Distlog.Tasks;

/// <summary>
/// The key of one event inside a task, in the format of the original distlog: <c>{seq}@{root}{path}</c>,
/// e.g. <c>3@4bf92f3577b34da6a3ce929d0e0e4736/1/2</c>.
/// </summary>
/// <param name="Sequence">The event's number inside its task, from 0 (the started event).</param>
/// <param name="Root">The root task's id: a W3C trace id, or an id imported as given (a Python distlog UUID).</param>
/// <param name="Path">The child numbers from the root, <c>/n/m</c>; empty for the root task itself.</param>
readonly record struct TaskKey(long Sequence, string Root, string Path)
{
    /// <summary>The task's id, <c>{root}{path}</c>: the form <see cref="DistlogTask.ForeignId"/> hands out.</summary>
    public string Id => Root + Path;

    /// <summary>The path's segments, outermost first; empty for a root task.</summary>
    public string[] Segments => Path.Length == 0 ? [] : Path[1..].Split('/');

    /// <summary>Parses a key such as <c>0@root/1</c>; false for anything else.</summary>
    public static bool TryParse(string? text, out TaskKey key)
    {
        key = default;
        if (string.IsNullOrEmpty(text))
            return false;

        var at = text.IndexOf('@');
        if (at <= 0 || !long.TryParse(text.AsSpan(0, at), NumberStyles.None, CultureInfo.InvariantCulture, out var sequence))
            return false;

        if (!TrySplitId(text.AsSpan(at + 1), out var root, out var path))
            return false;

        key = new TaskKey(sequence, root, path);
        return true;
    }

    /// <summary>Splits a task id <c>{root}{path}</c> at its first <c>/</c>; false where either part is malformed.</summary>
    public static bool TrySplitId(ReadOnlySpan<char> id, [NotNullWhen(true)] out string? root, [NotNullWhen(true)] out string? path)
    {
        root = path = null;
        var slash = id.IndexOf('/');
        var rootPart = slash < 0 ? id : id[..slash];
        var pathPart = slash < 0 ? [] : id[slash..];
        if (rootPart.IsEmpty || rootPart.ContainsAny(' ', '@') || pathPart.EndsWith("/") || pathPart.Contains("//", StringComparison.Ordinal))
            return false;

        root = rootPart.ToString();
        path = pathPart.ToString();
        return true;
    }

    /// <inheritdoc />
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Sequence}@{Root}{Path}");
}
