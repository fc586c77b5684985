namespace Distlog.Cli.Input;

/// <summary>One line of a CLEF input: its 1-based number and its bytes, without the line end.</summary>
/// <param name="Number">The line number, from 1, counting blank lines.</param>
/// <param name="Bytes">The line's UTF-8 bytes, without <c>\n</c>, a trailing <c>\r</c> or a leading byte order mark.</param>
/// <param name="TooLong">True where the line was longer than the reader's limit and was cut off: it is not valid CLEF.</param>
readonly record struct ClefLine(long Number, ReadOnlyMemory<byte> Bytes, bool TooLong = false)
{
    /// <summary>True for a line of nothing but spaces and tabs, which CLEF readers skip.</summary>
    public bool IsBlank => Bytes.Span.TrimStart(" \t"u8).IsEmpty;
}
