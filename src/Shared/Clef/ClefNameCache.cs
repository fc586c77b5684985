using System.Collections.Concurrent;

namespace Distlog.Clef;

/// <summary>
/// Interned property names and type tags: the same few names arrive on every event, so reading them should not
/// allocate a string each time. Bounded, since names come from the input: past the bound names are allocated.
/// Thread-safe.
/// </summary>
static class ClefNameCache
{
    public const int MaxLength = 128;
    const int MaxEntries = 4096;

    static readonly ConcurrentDictionary<string, string> Names = new(StringComparer.Ordinal);
    static readonly ConcurrentDictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> Lookup =
        Names.GetAlternateLookup<ReadOnlySpan<char>>();
    static int _count;

    public static string Get(ReadOnlySpan<char> name)
    {
        if (Lookup.TryGetValue(name, out var cached))
            return cached;
        var text = name.ToString();
        if (name.Length <= MaxLength && Volatile.Read(ref _count) < MaxEntries && Names.TryAdd(text, text))
            Interlocked.Increment(ref _count);
        return text;
    }
}
