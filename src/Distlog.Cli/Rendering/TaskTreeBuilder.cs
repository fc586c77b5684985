using System.Globalization;
using Distlog.Cli.Filtering;
using Serilog.Events;

namespace Distlog.Cli.Rendering;

/// <summary>
/// Rebuilds task trees from events by their <c>TaskKey</c>: each event goes to the task <c>{root}{path}</c>,
/// whichever process wrote it, so a subtask imported from another process lands under the task that reserved
/// its id. Ancestors never seen become placeholders. The same event read twice is kept once.
/// Not thread-safe: one builder per tree.
/// </summary>
sealed class TaskTreeBuilder
{
    readonly Dictionary<string, TaskNode> _nodes = new(StringComparer.Ordinal);
    readonly Dictionary<string, TaskNode> _roots = new(StringComparer.Ordinal);
    readonly Dictionary<string, HashSet<(long, DateTimeOffset)>> _seen = new(StringComparer.Ordinal);
    readonly List<LogEvent> _loose = [];

    /// <summary>The number of task events held (loose events not counted); <see cref="Take"/> lowers it.</summary>
    public int Count { get; private set; }

    /// <summary>Builds the forest of <paramref name="events"/> in one call.</summary>
    public static TaskForest Build(IEnumerable<LogEvent> events)
    {
        var builder = new TaskTreeBuilder();
        foreach (var logEvent in events)
            builder.Add(logEvent);
        return builder.Build();
    }

    /// <summary>Adds one event; returns the root task it belongs to, or null for an event outside tasks.</summary>
    public TaskNode? Add(LogEvent logEvent)
    {
        if (!EventFields.TryGetTaskKey(logEvent, out var key))
        {
            _loose.Add(logEvent);
            return null;
        }

        var node = GetOrAdd(key.Root, key.Path);
        if (_seen[node.Id].Add((key.Sequence, logEvent.Timestamp)))
        {
            node.Events.Add(new TaskEvent(key.Sequence, logEvent));
            Count++;
        }

        return _roots[key.Root];
    }

    /// <summary>Removes and returns a finished root's tree (for <c>tail --format tree</c>), sorted.</summary>
    public TaskNode Take(TaskNode root)
    {
        _roots.Remove(root.Root);
        var prefix = root.Root + "/";
        foreach (var id in _nodes.Keys.Where(k => k == root.Root || k.StartsWith(prefix, StringComparison.Ordinal)).ToList())
        {
            _nodes.Remove(id);
            _seen.Remove(id);
        }
        Count -= CountEvents(root);
        Sort(root);
        return root;
    }

    /// <summary>The roots still held, oldest first.</summary>
    public IReadOnlyList<TaskNode> PendingRoots => _roots.Values.OrderBy(r => r.StartTime).ThenBy(r => r.Root, StringComparer.Ordinal).ToList();

    /// <summary>Sorts what was added and returns it. The builder should not be used afterwards.</summary>
    public TaskForest Build()
    {
        var roots = PendingRoots;
        foreach (var root in roots)
            Sort(root);
        return new TaskForest(roots, _loose.OrderBy(e => e.Timestamp).ToList());
    }

    TaskNode GetOrAdd(string root, string path)
    {
        var id = root + path;
        if (_nodes.TryGetValue(id, out var node))
            return node;

        node = new TaskNode(root, path);
        _nodes.Add(id, node);
        _seen.Add(id, []);
        if (path.Length == 0)
            _roots.Add(root, node);
        else
            GetOrAdd(root, path[..path.LastIndexOf('/')]).Children.Add(node);
        return node;
    }

    static void Sort(TaskNode node)
    {
        node.Events.Sort((a, b) => a.Sequence != b.Sequence ? a.Sequence.CompareTo(b.Sequence) : a.Event.Timestamp.CompareTo(b.Event.Timestamp));
        foreach (var child in node.Children)
            Sort(child);
        node.Children.Sort(CompareSiblings);
    }

    static int CompareSiblings(TaskNode a, TaskNode b)
    {
        var byTime = Nullable.Compare(a.StartTime, b.StartTime);
        if (byTime != 0)
            return byTime;

        // Child numbers by value, before span-id segments, which sort as text.
        var aNumeric = long.TryParse(a.Segment, NumberStyles.None, CultureInfo.InvariantCulture, out var x);
        var bNumeric = long.TryParse(b.Segment, NumberStyles.None, CultureInfo.InvariantCulture, out var y);
        if (aNumeric != bNumeric)
            return aNumeric ? -1 : 1;
        return aNumeric ? x.CompareTo(y) : string.CompareOrdinal(a.Segment, b.Segment);
    }

    static int CountEvents(TaskNode node) => node.Events.Count + node.Children.Sum(CountEvents);
}
