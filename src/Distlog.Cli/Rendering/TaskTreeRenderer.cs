using System.Globalization;
using Distlog.Cli.Filtering;
using Distlog.Rendering;
using Distlog.Tasks;
using Serilog.Events;

namespace Distlog.Cli.Rendering;

/// <summary>
/// Draws task trees the way eliot-tree does: the root id, then each task as a line with its status mark, title
/// (the started event's message) and duration, and under it the task's events and subtasks in time order.
/// A failed event's exception hangs under it. A subtask that ran in another process names that process.
/// Event text passes through <see cref="ControlCharacters"/>. Immutable and thread-safe; the writer is the caller's.
/// </summary>
sealed class TaskTreeRenderer
{
    /// <summary>The heading of the events outside any task, listed after the trees.</summary>
    public const string LooseHeading = "(no task)";

    /// <summary>The time of an event line.</summary>
    public const string TimeFormat = "HH:mm:ss.fff";

    readonly TreeGlyphs _glyphs;
    readonly bool _colour;

    /// <summary>Creates a renderer with Unicode glyphs, or ASCII ones where <paramref name="ascii"/> is true;
    /// <paramref name="colour"/> adds ANSI colours for a terminal, as text output has them: the status mark and
    /// boundary status (succeeded green, failed red), the level, the time.</summary>
    public TaskTreeRenderer(bool ascii = false, bool colour = false)
    {
        _glyphs = ascii ? TreeGlyphs.Ascii : TreeGlyphs.Unicode;
        _colour = colour;
    }

    /// <summary>Writes every tree, a blank line between trees, then the loose events under <see cref="LooseHeading"/>.</summary>
    public void Render(TaskForest forest, TextWriter output)
    {
        var first = true;
        foreach (var root in forest.Roots)
        {
            if (!first)
                output.WriteLine();
            RenderRoot(root, output);
            first = false;
        }

        if (forest.Loose.Count == 0)
            return;
        if (!first)
            output.WriteLine();
        output.WriteLine(LooseHeading);
        for (var i = 0; i < forest.Loose.Count; i++)
            WriteEvent(forest.Loose[i], output, "", i == forest.Loose.Count - 1);
    }

    /// <summary>Writes one tree: the root id line and the root task under it.</summary>
    public void RenderRoot(TaskNode root, TextWriter output)
    {
        output.WriteLine(ControlCharacters.Escape(root.Root));
        WriteTask(root, null, output, "", last: true);
    }

    void WriteTask(TaskNode task, TaskNode? parent, TextWriter output, string indent, bool last)
    {
        output.Write(indent);
        output.Write(last ? _glyphs.LastBranch : _glyphs.Branch);
        Write(output, OutcomeColour(task.Outcome), _glyphs.Mark(task.Outcome));
        output.Write(' ');
        output.Write(ControlCharacters.Escape(Title(task)));
        if (task.Duration is { } duration)
            output.Write(string.Create(CultureInfo.InvariantCulture, $" {_glyphs.Duration}{duration.TotalSeconds:0.000}s"));
        if (Origin(task, parent) is { } origin)
            output.Write($" [{ControlCharacters.Escape(origin)}]");
        output.WriteLine();

        var inner = indent + (last ? _glyphs.Space : _glyphs.Vertical);
        var items = Interleave(task);
        for (var i = 0; i < items.Count; i++)
        {
            var isLast = i == items.Count - 1;
            if (items[i] is TaskNode child)
                WriteTask(child, task, output, inner, isLast);
            else
                WriteEvent((LogEvent)items[i], output, inner, isLast);
        }
    }

    /// <summary>Writes one event as a line of its own, without tree glyphs, its exception indented under it.</summary>
    public void RenderEvent(LogEvent logEvent, TextWriter output) => WriteEvent(logEvent, output, "", "", _glyphs.Space);

    void WriteEvent(LogEvent logEvent, TextWriter output, string indent, bool last) =>
        WriteEvent(logEvent, output, indent, last ? _glyphs.LastBranch : _glyphs.Branch, indent + (last ? _glyphs.Space : _glyphs.Vertical));

    void WriteEvent(LogEvent logEvent, TextWriter output, string indent, string branch, string inner)
    {
        output.Write(indent);
        output.Write(branch);
        Write(output, TextRenderer.Dim, logEvent.Timestamp.ToString(TimeFormat, CultureInfo.InvariantCulture));
        output.Write(' ');
        Write(output, TextRenderer.LevelColour(logEvent.Level), LevelNames.Upper3(logEvent.Level));
        output.Write(' ');
        output.Write(ControlCharacters.Escape(logEvent.RenderMessage(CultureInfo.InvariantCulture)));
        if (TaskNode.Status(logEvent) is { } status)
            Write(output, TextRenderer.StatusColour(status), $" {_glyphs.Arrow} {ControlCharacters.Escape(status.ToLowerInvariant())}");
        output.WriteLine();

        if (logEvent.Exception is null)
            return;

        var lines = logEvent.Exception.ToString().ReplaceLineEndings("\n").TrimEnd('\n').Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            output.Write(inner);
            output.Write(i == 0 ? _glyphs.LastBranch : _glyphs.Space);
            output.WriteLine(ControlCharacters.Escape(lines[i], keepLineFeedAndTab: true));
        }
    }

    void Write(TextWriter output, string colour, string text)
    {
        if (!_colour)
        {
            output.Write(text);
            return;
        }

        output.Write(colour);
        output.Write(text);
        output.Write(TextRenderer.Reset);
    }

    static string OutcomeColour(TaskOutcome outcome) => outcome switch
    {
        TaskOutcome.Succeeded => TextRenderer.StatusColour(TaskProperties.Succeeded),
        TaskOutcome.Failed => TextRenderer.StatusColour(TaskProperties.Failed),
        _ => "\u001b[33m",
    };

    // A task without a started event is named by its path, which is all that is known of it.
    static string Title(TaskNode task) =>
        task.Started is { } started ? started.RenderMessage(CultureInfo.InvariantCulture)
        : $"{task.Path}{(task.Path.Length == 0 ? "" : " ")}({(task.IsPlaceholder ? "no events" : "start not seen")})";

    // Events and subtasks in one story: a subtask goes before the first of its parent's events that is later
    // than the subtask's start, so "calling the worker" precedes the worker's tree and the parent's completion follows it.
    static List<object> Interleave(TaskNode task)
    {
        var items = new List<object>(task.Events.Count + task.Children.Count);
        var next = 0;
        foreach (var e in task.Events)
        {
            while (next < task.Children.Count && task.Children[next].StartTime < e.Event.Timestamp)
                items.Add(task.Children[next++]);
            items.Add(e.Event);
        }

        while (next < task.Children.Count)
            items.Add(task.Children[next++]);
        return items;
    }

    // The process a task ran in, where it differs from its parent's: that is how an imported subtask shows.
    static string? Origin(TaskNode task, TaskNode? parent)
    {
        var here = Process(task);
        if (here is null || (parent is not null && here == Process(parent)))
            return null;
        return here;
    }

    static string? Process(TaskNode task)
    {
        if (task.Events.Count == 0)
            return null;
        var e = task.Events[0].Event;
        var app = EventFields.GetText(e, EventFields.ApplicationName);
        var host = EventFields.GetText(e, EventFields.HostName);
        var pid = EventFields.GetText(e, EventFields.ProcessIdName);
        if (app is null && host is null && pid is null)
            return null;
        var where = host is null ? app : $"{app}@{host}";
        return pid is null ? where : $"{where} pid {pid}".TrimStart();
    }
}
