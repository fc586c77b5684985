using System.Text.Json;

using Distlog.Clef;

namespace Distlog.Collector.Clef;

/// <summary>
/// Checks a property value as <see cref="ClefPropertyValueReader"/> would read it, without reading it: the nesting
/// bound, the member bound of each object and the strings that would fail to unescape. False to decline.
/// </summary>
static class ClefValueScan
{
    /// <summary>Checks the value whose first token the reader is on, leaving it on the value's last token.</summary>
    public static bool Value(ref Utf8JsonReader reader, int lineLength) => reader.TokenType switch
    {
        JsonTokenType.String => String(ref reader),
        JsonTokenType.Number or JsonTokenType.True or JsonTokenType.False or JsonTokenType.Null => true,
        JsonTokenType.StartArray or JsonTokenType.StartObject => Container(ref reader, lineLength),
        _ => false,
    };

    /// <summary>A string (or member name) that unescapes; one with a surrogate escape is declined.</summary>
    public static bool String(ref Utf8JsonReader reader) => !reader.ValueIsEscaped || !ClefScanner.HasSurrogateEscape(reader.ValueSpan);

    static bool Container(ref Utf8JsonReader reader, int lineLength)
    {
        var depth = reader.CurrentDepth;
        // Members counted per object by depth; a member name sits one level below its object's start token.
        Span<int> members = stackalloc int[ClefReader.MaxDepth + 1];
        while (true)
        {
            switch (reader.TokenType)
            {
                case JsonTokenType.StartObject or JsonTokenType.StartArray:
                    if (reader.CurrentDepth >= ClefReader.MaxDepth)
                        return false;
                    members[reader.CurrentDepth] = 0;
                    break;
                case JsonTokenType.PropertyName:
                    // Past the bound the reader may still accept an object whose duplicate keys collapse: it decides.
                    if (++members[reader.CurrentDepth - 1] > ClefReader.MaxProperties || !String(ref reader))
                        return false;
                    break;
                case JsonTokenType.String:
                    if (!String(ref reader))
                        return false;
                    break;
                case JsonTokenType.EndObject or JsonTokenType.EndArray:
                    if (reader.CurrentDepth == depth)
                        return true;
                    break;
            }
            ClefJson.Next(ref reader, lineLength);
        }
    }
}
