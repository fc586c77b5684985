namespace Distlog.Clef;

/// <summary>
/// An exception read back from CLEF <c>@x</c>: only its text survives the trip, so <see cref="ToString"/>
/// returns that text exactly and writing the event again reproduces the same <c>@x</c>.
/// </summary>
sealed class TextException : Exception
{
    readonly string _text;

    public TextException(string text)
        : base(FirstLine(text))
    {
        _text = text;
    }

    /// <summary>The original exception text, unchanged.</summary>
    public override string ToString() => _text;

    static string FirstLine(string text)
    {
        var end = text.AsSpan().IndexOfAny('\r', '\n');
        return end < 0 ? text : text[..end];
    }
}
