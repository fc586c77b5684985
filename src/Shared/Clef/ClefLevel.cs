using System.Text.Json;
using Serilog.Events;

namespace Distlog.Clef;

/// <summary>
/// <c>@l</c>: written as Serilog's level names and omitted for <see cref="LogEventLevel.Information"/>. Read
/// case-insensitively, also accepting the names other CLEF writers use (Microsoft.Extensions.Logging's
/// <c>Trace</c> and <c>Critical</c>, and <c>Info</c>, <c>Warn</c>); anything else is not a level.
/// </summary>
static class ClefLevel
{
    static readonly JsonEncodedText[] Names =
    [
        JsonEncodedText.Encode(nameof(LogEventLevel.Verbose)),
        JsonEncodedText.Encode(nameof(LogEventLevel.Debug)),
        JsonEncodedText.Encode(nameof(LogEventLevel.Information)),
        JsonEncodedText.Encode(nameof(LogEventLevel.Warning)),
        JsonEncodedText.Encode(nameof(LogEventLevel.Error)),
        JsonEncodedText.Encode(nameof(LogEventLevel.Fatal)),
    ];

    /// <summary>
    /// The name to write; a value outside the enum (which Serilog would write as a number no reader
    /// accepts) is clamped to the nearest defined level.
    /// </summary>
    public static JsonEncodedText Name(LogEventLevel level) =>
        Names[Math.Clamp((int)level, (int)LogEventLevel.Verbose, (int)LogEventLevel.Fatal)];

    public static bool TryParse(ReadOnlySpan<char> text, out LogEventLevel level)
    {
        level = LogEventLevel.Information;
        if (Is(text, "Information") || Is(text, "Info"))
            level = LogEventLevel.Information;
        else if (Is(text, "Warning") || Is(text, "Warn"))
            level = LogEventLevel.Warning;
        else if (Is(text, "Error"))
            level = LogEventLevel.Error;
        else if (Is(text, "Debug"))
            level = LogEventLevel.Debug;
        else if (Is(text, "Verbose") || Is(text, "Trace"))
            level = LogEventLevel.Verbose;
        else if (Is(text, "Fatal") || Is(text, "Critical"))
            level = LogEventLevel.Fatal;
        else
            return false;
        return true;
    }

    static bool Is(ReadOnlySpan<char> text, string name) => text.Equals(name, StringComparison.OrdinalIgnoreCase);
}
