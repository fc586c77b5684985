namespace Distlog.Clef;

/// <summary>
/// A line that is not a valid CLEF event. <see cref="Reason"/> names the problem (for example
/// <c>"@l 'Loud' is not a level"</c>); <see cref="LineNumber"/> is set by callers that read a stream of lines.
/// </summary>
public sealed class ClefFormatException : FormatException
{
    /// <summary>Creates the exception for a line whose number is not known.</summary>
    /// <param name="reason">What is wrong with the line.</param>
    public ClefFormatException(string reason)
        : this(reason, null)
    {
    }

    /// <summary>Creates the exception for a line of a stream.</summary>
    /// <param name="reason">What is wrong with the line.</param>
    /// <param name="lineNumber">The 1-based number of the line, or <see langword="null"/> when unknown.</param>
    public ClefFormatException(string reason, long? lineNumber)
        : base(lineNumber is { } n ? $"Invalid CLEF on line {n}: {reason}" : $"Invalid CLEF: {reason}")
    {
        Reason = reason;
        LineNumber = lineNumber;
    }

    /// <summary>What is wrong with the line, without the line number.</summary>
    public string Reason { get; }

    /// <summary>The 1-based line number, or <see langword="null"/> when the line was read on its own.</summary>
    public long? LineNumber { get; }

    /// <summary>Returns a copy of this exception that names the line it came from.</summary>
    /// <param name="lineNumber">The 1-based number of the line.</param>
    public ClefFormatException WithLineNumber(long lineNumber) => new(Reason, lineNumber);
}
