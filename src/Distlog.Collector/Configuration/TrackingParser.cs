using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Distlog.Collector.Configuration;

/// <summary>
/// A YAML parser that remembers the line of the last event it produced, so that a failure YamlDotNet reports without a
/// position (some malformed input throws <see cref="InvalidOperationException"/>) can still be given a line.
/// </summary>
sealed class TrackingParser(TextReader input) : IParser
{
    readonly Parser _parser = new(input);

    /// <summary>The 1-based line where the last event ended; 1 before the first.</summary>
    public long LastLine { get; private set; } = 1;

    public ParsingEvent? Current => _parser.Current;

    public bool MoveNext()
    {
        var moved = _parser.MoveNext();
        if (moved && _parser.Current is { } current)
            LastLine = current.End.Line;
        return moved;
    }
}
