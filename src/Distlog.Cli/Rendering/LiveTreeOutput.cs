using Distlog.Cli.Filtering;
using Distlog.Cli.Input;

namespace Distlog.Cli.Rendering;

/// <summary>
/// Trees for <c>tail --format tree</c>. A tree is drawn <see cref="DefaultGrace"/> after its root task completes, so
/// that events of imported subtasks still in flight from other processes join it; later ones make a tree of their own.
/// An event outside tasks is written at once as a line of its own; unfinished trees are drawn at the end.
/// Holds at most <see cref="DefaultMaxHeldEvents"/> events, drawing the oldest unfinished tree to make room.
/// Not thread-safe.
/// </summary>
sealed class LiveTreeOutput : IEventOutput
{
    /// <summary>How many task events are held back before the oldest tree is drawn unfinished.</summary>
    public const int DefaultMaxHeldEvents = 100_000;

    /// <summary>How long a completed tree waits for late events from other processes.</summary>
    public static readonly TimeSpan DefaultGrace = TimeSpan.FromSeconds(1);

    readonly TextWriter _output;
    readonly TaskTreeRenderer _renderer;
    readonly TimeSpan _grace;
    readonly int _maxHeldEvents;
    readonly TimeProvider _time;
    readonly TaskTreeBuilder _builder = new();
    readonly Dictionary<TaskNode, DateTimeOffset> _completed = [];
    bool _wroteAny, _lastWasLoose;

    /// <summary>Draws to <paramref name="output"/> with <paramref name="renderer"/>; <paramref name="grace"/> defaults to
    /// <see cref="DefaultGrace"/>, measured on <paramref name="time"/> (the system clock by default).</summary>
    public LiveTreeOutput(TextWriter output, TaskTreeRenderer renderer, TimeSpan? grace = null, int maxHeldEvents = DefaultMaxHeldEvents,
        TimeProvider? time = null)
    {
        _output = output;
        _renderer = renderer;
        _grace = grace ?? DefaultGrace;
        _maxHeldEvents = maxHeldEvents;
        _time = time ?? TimeProvider.System;
    }

    /// <inheritdoc />
    public void Write(ClefRecord record)
    {
        // Events outside tasks never enter the builder, which would keep them until the end.
        if (!EventFields.TryGetTaskKey(record.Event, out _))
        {
            if (!_lastWasLoose)
                Separate();
            _renderer.RenderEvent(record.Event, _output);
            _output.Flush();
            _lastWasLoose = true;
            return;
        }

        var root = _builder.Add(record.Event)!;
        if (root.Completion is not null)
            _completed.TryAdd(root, _time.GetUtcNow());
        while (_builder.Count > _maxHeldEvents && _builder.PendingRoots.Count > 0)
            Draw(_builder.PendingRoots[0]);
        Poll();
    }

    /// <inheritdoc />
    public void Poll()
    {
        var due = _time.GetUtcNow() - _grace;
        foreach (var (root, completedAt) in _completed.OrderBy(c => c.Value).ToList())
        {
            if (completedAt <= due)
                Draw(root);
        }
    }

    /// <inheritdoc />
    public void Complete()
    {
        foreach (var root in _builder.PendingRoots)
            Draw(root);
        _output.Flush();
    }

    void Draw(TaskNode root)
    {
        _completed.Remove(root);
        var tree = _builder.Take(root);
        Separate();
        _renderer.RenderRoot(tree, _output);
        _output.Flush();
    }

    void Separate()
    {
        if (_wroteAny)
            _output.WriteLine();
        _wroteAny = true;
        _lastWasLoose = false;
    }
}
