using System.Buffers;
using System.Globalization;

namespace Distlog.Rendering;

/// <summary>
/// Makes characters that a terminal would act on visible, so that text taken from log events
/// (messages, property values, exceptions) cannot move the cursor, clear the screen, rewrite a line
/// or reorder what the reader sees.
/// </summary>
/// <remarks>
/// <para>Each such character is replaced by a C#-style escape: C0 controls (U+0000–U+001F), DEL (U+007F)
/// and C1 controls (U+0080–U+009F) become <c>\xHH</c> (ESC is <c>\x1B</c>, CR is <c>\x0D</c>);
/// the Unicode line and paragraph separators (U+2028, U+2029) and the bidirectional overrides and
/// isolates (U+202A–U+202E, U+2066–U+2069) become <c>\uHHHH</c>.</para>
/// <para>Line feed and tab are escaped too unless the caller keeps them (multi-line exceptions).
/// A backslash in the text is not doubled, so <c>\x1B</c> typed literally reads the same as an escaped ESC:
/// the aim is a safe terminal, not a reversible encoding.</para>
/// <para>All members are pure and thread-safe.</para>
/// </remarks>
static class ControlCharacters
{
    static readonly SearchValues<char> Unsafe = SearchValues.Create(BuildUnsafe());

    static readonly SearchValues<char> UnsafeExceptLineFeedAndTab =
        SearchValues.Create(BuildUnsafe().Where(c => c is not ('\n' or '\t')).ToArray());

    /// <summary>Returns <paramref name="text"/> with every control character made visible, line feed and tab included.</summary>
    public static string Escape(string text) => Escape(text, keepLineFeedAndTab: false);

    /// <summary>Returns <paramref name="text"/> with control characters made visible; where
    /// <paramref name="keepLineFeedAndTab"/> is true, <c>\n</c> and <c>\t</c> pass unchanged.
    /// Returns the same instance when nothing needs escaping.</summary>
    public static string Escape(string text, bool keepLineFeedAndTab)
    {
        ArgumentNullException.ThrowIfNull(text);
        var unsafeChars = keepLineFeedAndTab ? UnsafeExceptLineFeedAndTab : Unsafe;
        if (text.AsSpan().IndexOfAny(unsafeChars) < 0)
            return text;

        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        Write(writer, text, keepLineFeedAndTab);
        return writer.ToString();
    }

    /// <summary>Writes <paramref name="text"/> to <paramref name="output"/> with every control character
    /// made visible, line feed and tab included.</summary>
    public static void Write(TextWriter output, ReadOnlySpan<char> text) => Write(output, text, keepLineFeedAndTab: false);

    /// <summary>Writes <paramref name="text"/> to <paramref name="output"/> with control characters made visible;
    /// where <paramref name="keepLineFeedAndTab"/> is true, <c>\n</c> and <c>\t</c> pass unchanged.</summary>
    public static void Write(TextWriter output, ReadOnlySpan<char> text, bool keepLineFeedAndTab)
    {
        ArgumentNullException.ThrowIfNull(output);
        var unsafeChars = keepLineFeedAndTab ? UnsafeExceptLineFeedAndTab : Unsafe;
        Span<char> escape = stackalloc char[6];
        while (!text.IsEmpty)
        {
            var next = text.IndexOfAny(unsafeChars);
            if (next < 0)
            {
                output.Write(text);
                return;
            }

            output.Write(text[..next]);
            output.Write(Format(text[next], escape));
            text = text[(next + 1)..];
        }
    }

    static ReadOnlySpan<char> Format(char c, Span<char> buffer)
    {
        buffer[0] = '\\';
        if (c <= '\u00ff')
        {
            buffer[1] = 'x';
            ((int)c).TryFormat(buffer[2..], out _, "X2", CultureInfo.InvariantCulture);
            return buffer[..4];
        }

        buffer[1] = 'u';
        ((int)c).TryFormat(buffer[2..], out _, "X4", CultureInfo.InvariantCulture);
        return buffer[..6];
    }

    static char[] BuildUnsafe()
    {
        var chars = new List<char>();
        for (var c = '\u0000'; c <= '\u001f'; c++)
            chars.Add(c);
        for (var c = '\u007f'; c <= '\u009f'; c++)
            chars.Add(c);
        chars.Add('\u2028');
        chars.Add('\u2029');
        for (var c = '\u202a'; c <= '\u202e'; c++)
            chars.Add(c);
        for (var c = '\u2066'; c <= '\u2069'; c++)
            chars.Add(c);
        return [.. chars];
    }
}
