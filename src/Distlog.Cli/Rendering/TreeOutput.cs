using Distlog.Cli.Input;

namespace Distlog.Cli.Rendering;

/// <summary>Collects every event and draws the task trees at the end. Not thread-safe.</summary>
sealed class TreeOutput : IEventOutput
{
    readonly TextWriter _output;
    readonly TaskTreeRenderer _renderer;
    readonly TaskTreeBuilder _builder = new();

    /// <summary>Draws to <paramref name="output"/> with <paramref name="renderer"/>.</summary>
    public TreeOutput(TextWriter output, TaskTreeRenderer renderer)
    {
        _output = output;
        _renderer = renderer;
    }

    /// <inheritdoc />
    public void Write(ClefRecord record) => _builder.Add(record.Event);

    /// <inheritdoc />
    public void Complete()
    {
        _renderer.Render(_builder.Build(), _output);
        _output.Flush();
    }
}
