using Distlog.Cli.Input;

namespace Distlog.Cli.Rendering;

/// <summary>Writes each event's original CLEF line and <c>\n</c>, byte for byte. Not thread-safe.</summary>
sealed class ClefOutput : IEventOutput
{
    readonly Stream _output;
    readonly bool _flushEach;

    /// <summary>Writes to <paramref name="output"/>; <paramref name="flushEach"/> flushes per event, for live output.</summary>
    public ClefOutput(Stream output, bool flushEach = false)
    {
        _output = output;
        _flushEach = flushEach;
    }

    /// <inheritdoc />
    public void Write(ClefRecord record)
    {
        _output.Write(record.Clef.Span);
        _output.WriteByte((byte)'\n');
        if (_flushEach)
            _output.Flush();
    }

    /// <inheritdoc />
    public void Complete() => _output.Flush();
}
