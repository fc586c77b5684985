using Distlog.Cli.Input;

namespace Distlog.Cli.Rendering;

/// <summary>Writes each event through a <see cref="TextRenderer"/>. Not thread-safe.</summary>
internal sealed class TextOutput : IEventOutput
{
    readonly TextWriter _output;
    readonly TextRenderer _renderer;
    readonly bool _flushEach;

    /// <summary>Writes to <paramref name="output"/>; <paramref name="flushEach"/> flushes per event, for live output.</summary>
    public TextOutput(TextWriter output, TextRenderer renderer, bool flushEach = false)
    {
        _output = output;
        _renderer = renderer;
        _flushEach = flushEach;
    }

    /// <inheritdoc />
    public void Write(ClefRecord record)
    {
        _renderer.Render(record.Event, _output);
        if (_flushEach)
            _output.Flush();
    }

    /// <inheritdoc />
    public void Complete() => _output.Flush();
}
