using System.Collections.Concurrent;
using Serilog.Events;
using Serilog.Parsing;

namespace Distlog.Clef;

/// <summary>
/// Parsed message templates by text, so that reading an event of a known template neither allocates the
/// template string nor parses it again (as Serilog caches templates when logging). Bounded, since templates come
/// from the input. Thread-safe.
/// </summary>
static class ClefTemplateCache
{
    public const int MaxLength = 1024;
    const int MaxEntries = 1000;

    static readonly MessageTemplateParser Parser = new();
    static readonly ConcurrentDictionary<string, MessageTemplate> Templates = new(StringComparer.Ordinal);
    static readonly ConcurrentDictionary<string, MessageTemplate>.AlternateLookup<ReadOnlySpan<char>> Lookup =
        Templates.GetAlternateLookup<ReadOnlySpan<char>>();
    static int _count;

    public static MessageTemplate Get(ReadOnlySpan<char> text)
    {
        if (Lookup.TryGetValue(text, out var cached))
            return cached;
        var template = Parse(text.ToString());
        if (text.Length <= MaxLength && Volatile.Read(ref _count) < MaxEntries && Templates.TryAdd(template.Text, template))
            Interlocked.Increment(ref _count);
        return template;
    }

    public static MessageTemplate Parse(string text) => Parser.Parse(text);
}
