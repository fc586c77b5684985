using Serilog.Events;

namespace Distlog.Clef;

/// <summary>
/// The lists a read fills before it builds Serilog values (which copy them), one per nesting level, reused per
/// thread so that reading allocates only the values themselves.
/// </summary>
sealed class ClefReadScratch
{
    const int MaxRetainedCount = 1024;

    [ThreadStatic] static ClefReadScratch? _cached;

    readonly List<LogEventProperty>?[] _properties = new List<LogEventProperty>?[ClefReader.MaxDepth + 1];
    readonly List<LogEventPropertyValue>?[] _elements = new List<LogEventPropertyValue>?[ClefReader.MaxDepth + 1];

    public List<string> Renderings { get; } = [];

    /// <summary>Takes this thread's scratch out of its slot (a re-entrant read gets a new one).</summary>
    public static ClefReadScratch Rent()
    {
        var scratch = _cached ?? new ClefReadScratch();
        _cached = null;
        return scratch;
    }

    /// <summary>
    /// Puts the scratch back for the thread's next read. A read that failed part-way may have left values in
    /// any level's list; <paramref name="failed"/> empties them all so they are not kept alive.
    /// </summary>
    public static void Return(ClefReadScratch scratch, bool failed)
    {
        Release(scratch.Renderings);
        if (failed)
        {
            foreach (var list in scratch._properties)
                ReleaseIfUsed(list);
            foreach (var list in scratch._elements)
                ReleaseIfUsed(list);
        }

        _cached = scratch;
    }

    /// <summary>The empty property list for nesting level <paramref name="depth"/>.</summary>
    public List<LogEventProperty> Properties(int depth)
    {
        var list = _properties[depth] ??= [];
        list.Clear();
        return list;
    }

    /// <summary>The empty element list for nesting level <paramref name="depth"/>.</summary>
    public List<LogEventPropertyValue> Elements(int depth)
    {
        var list = _elements[depth] ??= [];
        list.Clear();
        return list;
    }

    static void ReleaseIfUsed<T>(List<T>? list)
    {
        if (list != null)
            Release(list);
    }

    /// <summary>Empties a list once its values are built, and shrinks one that a huge line grew.</summary>
    public static void Release<T>(List<T> list)
    {
        list.Clear();
        if (list.Capacity > MaxRetainedCount)
            list.Capacity = 16;
    }
}
