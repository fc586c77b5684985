namespace Distlog.Transport;

/// <summary>
/// A ZPL text (ZeroMQ Property Language, rfc.zeromq.org/spec:4, what czmq's <c>zconfig</c> reads and writes) read into
/// its entries: each with its path (<c>curve/public-key</c>) and its value (null for a section without one). Children
/// are indented four spaces deeper than their parent; <c>#</c> starts a comment; a value is quoted with <c>"</c> or
/// <c>'</c>, or runs to the end of the line (or a comment).
/// </summary>
sealed class ZplDocument
{
    const int Indent = 4;

    readonly List<(string Path, string? Value)> _entries;

    ZplDocument(List<(string Path, string? Value)> entries) => _entries = entries;

    /// <summary>Every entry in the order written.</summary>
    public IReadOnlyList<(string Path, string? Value)> Entries => _entries;

    /// <summary>The value at <paramref name="path"/>; null where there is none.</summary>
    public string? Value(string path) => _entries.Find(e => e.Path == path).Value;

    /// <summary>The direct children of the section at <paramref name="path"/>: their names and values.</summary>
    public IEnumerable<(string Name, string? Value)> Children(string path)
    {
        var prefix = path + "/";
        foreach (var (entryPath, value) in _entries)
        {
            if (entryPath.StartsWith(prefix, StringComparison.Ordinal) && entryPath.IndexOf('/', prefix.Length) < 0)
            {
                yield return (entryPath[prefix.Length..], value);
            }
        }
    }

    /// <summary>Reads <paramref name="text"/>.</summary>
    /// <exception cref="FormatException">A line is not ZPL; the message names the line.</exception>
    public static ZplDocument Parse(string text)
    {
        var entries = new List<(string, string?)>();
        var parents = new List<string>();
        var lineNumber = 0;
        foreach (var rawLine in text.Split('\n'))
        {
            lineNumber++;
            var line = rawLine.TrimEnd('\r');
            var content = line.TrimStart(' ');
            if (content.Length == 0 || content[0] == '#')
            {
                continue;
            }

            var spaces = line.Length - content.Length;
            if (content[0] == '\t' || spaces % Indent != 0 || spaces / Indent > parents.Count)
            {
                throw new FormatException($"line {lineNumber}: indent by 4 spaces per level (ZPL)");
            }

            parents.RemoveRange(spaces / Indent, parents.Count - spaces / Indent);
            var (name, value) = ParseEntry(content, lineNumber);
            var path = parents.Count == 0 ? name : $"{parents[^1]}/{name}";
            entries.Add((path, value));
            parents.Add(path);
        }

        return new ZplDocument(entries);
    }

    /// <summary>True for a name ZPL allows: letters, digits and <c>$-_@.&amp;+/</c>, not starting with <c>/</c>.</summary>
    public static bool IsValidName(string name) =>
        name.Length > 0 && name[0] != '/' && name.All(c => char.IsAsciiLetterOrDigit(c) || "$-_@.&+/".Contains(c));

    static (string Name, string? Value) ParseEntry(string content, int lineNumber)
    {
        var nameEnd = 0;
        while (nameEnd < content.Length && content[nameEnd] is not (' ' or '=' or '#' or '\t'))
        {
            nameEnd++;
        }

        var name = content[..nameEnd];
        if (!IsValidName(name))
        {
            throw new FormatException($"line {lineNumber}: '{name}' is not a ZPL name (letters, digits and $-_@.&+/)");
        }

        var rest = content[nameEnd..].TrimStart(' ', '\t');
        if (rest.Length == 0 || rest[0] == '#')
        {
            return (name, null);
        }

        if (rest[0] != '=')
        {
            throw new FormatException($"line {lineNumber}: expected '= value' after '{name}'");
        }

        rest = rest[1..].TrimStart(' ', '\t');
        if (rest.Length > 0 && rest[0] is '"' or '\'')
        {
            var close = rest.IndexOf(rest[0], 1);
            if (close < 0)
            {
                throw new FormatException($"line {lineNumber}: the value of '{name}' has no closing {rest[0]}");
            }

            var after = rest[(close + 1)..].TrimStart(' ', '\t');
            if (after.Length > 0 && after[0] != '#')
            {
                throw new FormatException($"line {lineNumber}: unexpected text after the value of '{name}'");
            }

            return (name, rest[1..close]);
        }

        var comment = rest.IndexOf('#');
        return (name, (comment < 0 ? rest : rest[..comment]).TrimEnd(' ', '\t'));
    }
}
