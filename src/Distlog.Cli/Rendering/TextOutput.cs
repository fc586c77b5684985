using Distlog.Cli.Input;
using Serilog.Formatting;

namespace Distlog.Cli.Rendering;

/// <summary>Writes each event as text: the default layout (<see cref="TextRenderer"/>) or a <see cref="TemplateRenderer"/>. Not thread-safe.</summary>
sealed class TextOutput : IEventOutput
{
    readonly TextWriter _output;
    readonly ITextFormatter _renderer;
    readonly bool _flushEach;

    /// <summary>Writes to <paramref name="output"/>; <paramref name="flushEach"/> flushes per event, for live output.</summary>
    public TextOutput(TextWriter output, ITextFormatter renderer, bool flushEach = false)
    {
        _output = output;
        _renderer = renderer;
        _flushEach = flushEach;
    }

    /// <inheritdoc />
    public void Write(ClefRecord record)
    {
        _renderer.Format(record.Event, _output);
        if (_flushEach)
            _output.Flush();
    }

    /// <inheritdoc />
    public void Complete() => _output.Flush();
}
