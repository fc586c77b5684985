using System.Buffers;
using System.Diagnostics.CodeAnalysis;
using System.Text;
using System.Text.Json;
using System.Text.Unicode;
using Serilog.Events;

namespace Distlog.Clef;

/// <summary>
/// Reads CLEF lines back into Serilog events: the inverse of <see cref="ClefWriter"/> (writing a read event
/// gives the same bytes), and a reader of CLEF written by other tools, such as Serilog.Formatting.Compact's
/// <c>CompactJsonFormatter</c> and <c>RenderedCompactJsonFormatter</c>. An <c>@x</c> comes back as an exception
/// whose <c>ToString()</c> is the original text. Stateless and thread-safe.
/// </summary>
public static class ClefReader
{
    /// <summary>The deepest nesting of JSON objects and arrays accepted in one line, the event object included.</summary>
    public const int MaxDepth = 64;

    /// <summary>The most members accepted in one JSON object (the event, a structure or a dictionary).</summary>
    public const int MaxProperties = 1000;

    /// <summary>Reads one CLEF line (UTF-8, without the line break; surrounding white space is ignored).</summary>
    /// <param name="utf8Line">The line.</param>
    /// <returns>The event.</returns>
    /// <exception cref="ClefFormatException">The line is not a valid CLEF event; the reason says why.</exception>
    public static LogEvent Read(ReadOnlySpan<byte> utf8Line)
    {
        try
        {
            return ReadCore(utf8Line);
        }
        catch (Exception ex) when (ex is not ClefFormatException)
        {
            throw new ClefFormatException($"unexpected {ex.GetType().Name}: {ex.Message}");
        }
    }

    /// <summary>Reads one CLEF line (without the line break; surrounding white space is ignored).</summary>
    /// <param name="line">The line.</param>
    /// <returns>The event.</returns>
    /// <exception cref="ClefFormatException">The line is not a valid CLEF event; the reason says why.</exception>
    public static LogEvent Read(string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        var buffer = ArrayPool<byte>.Shared.Rent(Encoding.UTF8.GetMaxByteCount(line.Length));
        try
        {
            return Read(buffer.AsSpan(0, Encoding.UTF8.GetBytes(line, buffer)));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>Reads one CLEF line (UTF-8, without the line break); never throws.</summary>
    /// <param name="utf8Line">The line.</param>
    /// <param name="logEvent">The event, when the line is valid.</param>
    /// <param name="error">The reason the line is invalid, when it is (<see cref="ClefFormatException.Reason"/>).</param>
    /// <returns><see langword="true"/> when the line was read.</returns>
    public static bool TryRead(ReadOnlySpan<byte> utf8Line, [NotNullWhen(true)] out LogEvent? logEvent, [NotNullWhen(false)] out string? error)
    {
        try
        {
            logEvent = ReadCore(utf8Line);
            error = null;
            return true;
        }
        catch (ClefFormatException ex)
        {
            error = ex.Reason;
        }
        catch (Exception ex)
        {
            error = $"unexpected {ex.GetType().Name}: {ex.Message}";
        }

        logEvent = null;
        return false;
    }

    static LogEvent ReadCore(ReadOnlySpan<byte> line)
    {
        if (line.StartsWith("\uFEFF"u8))
            line = line[3..];
        var start = line.IndexOfAnyExcept(" \t\r\n"u8);
        if (start < 0)
            throw new ClefFormatException("empty line");
        if (!Utf8.IsValid(line))
            throw new ClefFormatException($"invalid UTF-8 at byte {InvalidUtf8Index(line)}");
        if (line[start] != '{')
            throw new ClefFormatException("not a JSON object");

        var scratch = ClefReadScratch.Rent();
        var failed = true;
        long position = 0;
        try
        {
            var logEvent = ClefEventParser.Parse(line, scratch, out position);
            failed = false;
            return logEvent;
        }
        catch (JsonException ex)
        {
            throw new ClefFormatException($"invalid JSON at byte {ex.BytePositionInLine}: {Describe(ex)}");
        }
        catch (InvalidOperationException)
        {
            // Utf8JsonReader's only complaint left once the bytes are valid UTF-8: an escaped lone surrogate.
            throw new ClefFormatException($"a string at byte {position} is not valid UTF-16 (an unpaired surrogate escape)");
        }
        finally
        {
            ClefReadScratch.Return(scratch, failed);
        }
    }

    static int InvalidUtf8Index(ReadOnlySpan<byte> line)
    {
        var index = 0;
        while (index < line.Length && System.Text.Rune.DecodeFromUtf8(line[index..], out _, out var consumed) == OperationStatus.Done)
            index += consumed;
        return index;
    }

    static string Describe(JsonException ex)
    {
        // Utf8JsonReader's message ends with " LineNumber: 0 | BytePositionInLine: N."; the reason has the position.
        var message = ex.Message;
        var end = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        return (end < 0 ? message : message[..end]).TrimEnd('.', ' ');
    }
}
