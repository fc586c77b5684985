using System.Text.Json;
using System.Text.Unicode;

using Distlog.Clef;

namespace Distlog.Collector.Clef;

/// <summary>
/// Checks a CLEF line and takes its <see cref="ClefSummary"/> in one pass of <see cref="Utf8JsonReader"/>, without
/// building a <see cref="Serilog.Events.LogEvent"/>; it allocates nothing where the <c>Application</c> value was seen
/// before. Sound, not complete: it accepts only lines that <see cref="ClefReader"/> reads (same bounds, same field
/// rules) and declines every other line — every invalid one, and a few rare valid ones it leaves to the reader: a
/// <c>\uD800</c>–<c>\uDFFF</c> escape, an escaped <c>TaskKey</c>, an object of more than
/// <see cref="ClefReader.MaxProperties"/> members. Where it declines, <see cref="ClefReader.TryRead"/> decides and
/// gives the reason. Stateless and thread-safe.
/// </summary>
static class ClefScanner
{
    /// <summary>True with the summary where the line is valid CLEF; false where <see cref="ClefReader"/> must decide.</summary>
    /// <param name="line">The line, UTF-8, without the line break.</param>
    /// <param name="summary">The summary; <see cref="ClefSummary.TaskKeyStart"/> counts from the start of <paramref name="line"/>.</param>
    public static bool TryScan(ReadOnlySpan<byte> line, out ClefSummary summary)
    {
        summary = default;
        var offset = line.StartsWith("\uFEFF"u8) ? 3 : 0;
        var json = line[offset..];
        var start = json.IndexOfAnyExcept(" \t\r\n"u8);
        if (start < 0 || json[start] != '{' || !Utf8.IsValid(json))
            return false;
        try
        {
            return ClefLineScan.Scan(json, offset, out summary);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // Whatever the reader or a field rule throws, the line is not one to accept unread.
            return false;
        }
    }

    /// <summary>
    /// Whether escaped JSON string text holds an escape of a UTF-16 surrogate, which may be unpaired: the reader
    /// fails on those (<see cref="InvalidOperationException"/>) only when it unescapes the string.
    /// </summary>
    public static bool HasSurrogateEscape(ReadOnlySpan<byte> raw)
    {
        var i = raw.IndexOf((byte)'\\');
        while (i >= 0 && i + 3 < raw.Length)
        {
            if (raw[i + 1] == 'u' && (raw[i + 2] | 0x20) == 'd' && (raw[i + 3] | 0x20) is (byte)'8' or (byte)'9' or >= (byte)'a' and <= (byte)'f')
                return true;
            var next = raw[(i + 2)..].IndexOf((byte)'\\');
            i = next < 0 ? -1 : i + 2 + next;
        }
        return false;
    }
}
