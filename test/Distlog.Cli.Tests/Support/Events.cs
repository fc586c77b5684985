using Distlog.Clef;
using Serilog.Events;

namespace Distlog.Cli.Tests.Support;

/// <summary>Events read from hand-written CLEF.</summary>
static class Events
{
    public static LogEvent Read(string clefLine) => ClefReader.Read(clefLine);

    public static List<LogEvent> ReadAll(string clefLines) =>
        clefLines.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(ClefReader.Read).ToList();
}
