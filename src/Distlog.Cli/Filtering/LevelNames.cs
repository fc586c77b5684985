using System.Diagnostics.CodeAnalysis;
using Serilog.Events;

namespace Distlog.Cli.Filtering;

/// <summary>Level names accepted by <c>--level</c> and written by the text renderer.</summary>
static class LevelNames
{
    static readonly Dictionary<string, LogEventLevel> Names = new(StringComparer.OrdinalIgnoreCase)
    {
        ["verbose"] = LogEventLevel.Verbose,
        ["vrb"] = LogEventLevel.Verbose,
        ["trace"] = LogEventLevel.Verbose,
        ["debug"] = LogEventLevel.Debug,
        ["dbg"] = LogEventLevel.Debug,
        ["information"] = LogEventLevel.Information,
        ["info"] = LogEventLevel.Information,
        ["inf"] = LogEventLevel.Information,
        ["warning"] = LogEventLevel.Warning,
        ["warn"] = LogEventLevel.Warning,
        ["wrn"] = LogEventLevel.Warning,
        ["error"] = LogEventLevel.Error,
        ["err"] = LogEventLevel.Error,
        ["fatal"] = LogEventLevel.Fatal,
        ["ftl"] = LogEventLevel.Fatal,
        ["critical"] = LogEventLevel.Fatal,
    };

    /// <summary>The accepted spellings, for help and error text.</summary>
    public const string Accepted = "verbose|debug|information|warning|error|fatal (or vrb, dbg, inf, wrn, err, ftl)";

    /// <summary>Parses a level name or abbreviation, ignoring case.</summary>
    public static bool TryParse(string? text, [NotNullWhen(true)] out LogEventLevel? level)
    {
        level = null;
        if (text is null || !Names.TryGetValue(text, out var found))
            return false;
        level = found;
        return true;
    }

    /// <summary>Three upper-case letters, as Serilog's <c>u3</c>: <c>VRB DBG INF WRN ERR FTL</c>.</summary>
    public static string Upper3(LogEventLevel level) => level switch
    {
        LogEventLevel.Verbose => "VRB",
        LogEventLevel.Debug => "DBG",
        LogEventLevel.Information => "INF",
        LogEventLevel.Warning => "WRN",
        LogEventLevel.Error => "ERR",
        LogEventLevel.Fatal => "FTL",
        _ => "???",
    };

    /// <summary>All levels from <paramref name="minimum"/> up, for subscriptions and queries.</summary>
    public static IEnumerable<LogEventLevel> AtLeast(LogEventLevel minimum)
    {
        for (var level = minimum; level <= LogEventLevel.Fatal; level++)
            yield return level;
    }
}
