using System.Runtime.CompilerServices;
using System.Text.Json;

namespace Distlog.Clef;

/// <summary>
/// What the writer would otherwise compute again for every event: the event id of a message template, and the
/// encoded form of a property name. Serilog hands the same template and name strings to every event of a call
/// site, so the cache is keyed by string identity: a small direct-mapped table per thread, no lock, no growth.
/// A name is encoded on its second sighting only, so that names made fresh for each event allocate nothing.
/// </summary>
static class ClefWriteCache
{
    const int Size = 256;

    [ThreadStatic] static TemplateEntry[]? _templates;
    [ThreadStatic] static NameEntry[]? _names;

    /// <summary>The event id of <paramref name="template"/>, as <see cref="EventIdHash.Compute"/> gives it.</summary>
    public static uint EventId(string template)
    {
        var entries = _templates ??= new TemplateEntry[Size];
        ref var entry = ref entries[Slot(template)];
        if (!ReferenceEquals(entry.Template, template))
        {
            entry.Id = EventIdHash.Compute(template);
            entry.Template = template;
        }

        return entry.Id;
    }

    /// <summary>
    /// The encoded form of <paramref name="name"/> where it is a plain name (ASCII letters, digits, <c>_ . -</c>,
    /// which every JSON encoder writes as they are) seen before on this thread; false otherwise.
    /// </summary>
    public static bool TryGetName(string name, out JsonEncodedText encoded)
    {
        var entries = _names ??= new NameEntry[Size];
        ref var entry = ref entries[Slot(name)];
        if (ReferenceEquals(entry.Name, name))
        {
            if (entry.Encoded is { } cached)
            {
                encoded = cached;
                return true;
            }

            if (IsPlain(name))
            {
                encoded = JsonEncodedText.Encode(name);
                entry.Encoded = encoded;
                return true;
            }
        }
        else
        {
            entry.Name = name;
            entry.Encoded = null;
        }

        encoded = default;
        return false;
    }

    static int Slot(string key) => RuntimeHelpers.GetHashCode(key) & (Size - 1);

    static bool IsPlain(string name)
    {
        if (name.Length is 0 or > 64 || name[0] == '@')
            return false;
        foreach (var c in name)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c is not ('_' or '.' or '-'))
                return false;
        }

        return true;
    }

    struct TemplateEntry
    {
        public string? Template;
        public uint Id;
    }

    struct NameEntry
    {
        public string? Name;
        public JsonEncodedText? Encoded;
    }
}
