using System.Text.Json;

namespace Distlog.Clef;

/// <summary>Token stepping shared by the CLEF readers, turning the end of the data into a precise reason.</summary>
static class ClefJson
{
    /// <summary>
    /// Advances to the next token. The reader is created with <c>isFinalBlock: false</c>, so running out of data
    /// inside the object returns <see langword="false"/> here rather than a generic syntax error.
    /// </summary>
    public static void Next(ref Utf8JsonReader reader, int lineLength)
    {
        if (!reader.Read())
            throw new ClefFormatException($"truncated JSON at byte {lineLength}");
    }

    /// <summary>Fails when opening a container at this token would nest deeper than the bound.</summary>
    public static void CheckDepth(ref Utf8JsonReader reader)
    {
        // CurrentDepth of a start token is the depth it sits at; the event object sits at 0 and is level 1.
        if (reader.CurrentDepth >= ClefReader.MaxDepth)
            throw new ClefFormatException($"nesting deeper than {ClefReader.MaxDepth} at byte {reader.TokenStartIndex}");
    }

    /// <summary>A short form of a value for an error message.</summary>
    public static string Quote(string text) =>
        text.Length <= 64 ? $"'{text}'" : $"'{text[..64]}...' ({text.Length} characters)";
}
