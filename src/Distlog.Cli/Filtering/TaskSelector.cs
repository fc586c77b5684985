using Distlog.Tasks;

namespace Distlog.Cli.Filtering;

/// <summary>
/// The value of <c>--task</c>: a root id selects the whole tree; a task id (<c>root/1/2</c>) selects that task
/// and its subtasks.
/// </summary>
sealed class TaskSelector
{
    TaskSelector(string root, string path)
    {
        Root = root;
        Path = path;
    }

    /// <summary>The root id to match.</summary>
    public string Root { get; }

    /// <summary>The path below the root (<c>/1/2</c>), empty to take the whole tree.</summary>
    public string Path { get; }

    /// <summary>Parses a root or task id; null for text that is neither.</summary>
    public static TaskSelector? Parse(string? text) =>
        text is not null && TaskKey.TrySplitId(text.Trim(), out var root, out var path) ? new TaskSelector(root, path) : null;

    /// <summary>True where the key belongs to the selected task or one of its subtasks.</summary>
    public bool Matches(TaskKey key) =>
        key.Root == Root && (Path.Length == 0 || key.Path == Path ||
            (key.Path.StartsWith(Path, StringComparison.Ordinal) && key.Path.Length > Path.Length && key.Path[Path.Length] == '/'));

    /// <inheritdoc />
    public override string ToString() => Root + Path;
}
