using Serilog.Events;

namespace Distlog.Clef;

/// <summary>
/// A scalar read from CLEF together with its <c>@r</c> renderings: rendering it with one of those formats gives
/// the text the original event rendered (a date read back as a string still renders as <c>{When:HH:mm}</c> did),
/// and writing the event again reproduces the same <c>@r</c>. Equal to a plain <see cref="ScalarValue"/> of the
/// same value.
/// </summary>
sealed class RenderedScalarValue : ScalarValue
{
    readonly (string Format, string Text)[] _renderings;

    RenderedScalarValue(object? value, (string Format, string Text)[] renderings)
        : base(value)
    {
        _renderings = renderings;
    }

    /// <summary>Returns <paramref name="value"/> with one more rendering; the first one given for a format wins.</summary>
    public static RenderedScalarValue With(ScalarValue value, string format, string text)
    {
        if (value is not RenderedScalarValue rendered)
            return new RenderedScalarValue(value.Value, [(format, text)]);
        return rendered.TryGet(format, out _) ? rendered : new RenderedScalarValue(value.Value, [.. rendered._renderings, (format, text)]);
    }

    /// <inheritdoc />
    public override void Render(TextWriter output, string? format = null, IFormatProvider? formatProvider = null)
    {
        if (format != null && TryGet(format, out var text))
            output.Write(text);
        else
            base.Render(output, format, formatProvider);
    }

    bool TryGet(string format, out string text)
    {
        foreach (var (f, t) in _renderings)
        {
            if (f == format)
            {
                text = t;
                return true;
            }
        }

        text = "";
        return false;
    }
}
