using System.Globalization;
using System.Text;
using Distlog.Rendering;
using Distlog.Tasks;
using Serilog.Events;

namespace Distlog.Collector.Plugins.SystemConsole;

/// <summary>
/// The <c>console</c> plugin: one human-readable line per event on standard output
/// (<c>2024-05-01 12:00:00.123 ERR P orders 3@root/1 message</c>), the exception on the lines below.
/// Control characters from events are made visible (<see cref="ControlCharacters"/>), so an event cannot drive the terminal.
/// The collector's own log goes to standard error, so the two never interleave in a pipe.
/// With <paramref name="colour"/> the time, the level and a failed or succeeded task's key carry ANSI colours, as
/// <c>distlog tail</c> colours them; those are the sink's own, never the event's.
/// </summary>
sealed class ConsoleSink(TextWriter output, bool colour = false) : IBatchSink
{
    const string Reset = "\u001b[0m", Dim = "\u001b[90m";
    static readonly string[] Levels = ["VRB", "DBG", "INF", "WRN", "ERR", "FTL"];

    // Serilog's console theme, as distlog's text output uses it.
    static readonly string[] LevelColours = [Dim, "\u001b[37m", "\u001b[97m", "\u001b[33m", "\u001b[31m", "\u001b[97;41m"];

    /// <summary>Standard output, coloured where <paramref name="colour"/> says: <c>auto</c> (a terminal without
    /// <c>NO_COLOR</c>), <c>always</c> or <c>never</c>.</summary>
    public static Func<IBatchSink> StandardOutput(ConsoleColourMode colour) => () =>
        new ConsoleSink(new StreamWriter(Console.OpenStandardOutput(), new UTF8Encoding(false), 64 * 1024) { AutoFlush = false },
            colour == ConsoleColourMode.Always || (colour == ConsoleColourMode.Auto && !Console.IsOutputRedirected
                && string.IsNullOrEmpty(Environment.GetEnvironmentVariable("NO_COLOR"))));

    public void EmitBatch(EventBatch batch)
    {
        for (var i = 0; i < batch.Count; i++)
            Write(batch.Event(i), batch.System(i));
        output.Flush();
    }

    public void Dispose() => output.Dispose();

    void Write(LogEvent e, char system)
    {
        var level = Math.Clamp((int)e.Level, 0, Levels.Length - 1);
        Coloured(Dim, e.Timestamp.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss.fff", CultureInfo.InvariantCulture));
        output.Write(' ');
        Coloured(LevelColours[level], Levels[level]);
        output.Write(' ');
        output.Write(system);
        output.Write(' ');
        ControlCharacters.Write(output, PluginFilter.StringProperty(e, PluginFilter.ApplicationProperty) ?? "-");
        output.Write(' ');
        if (colour && StatusColour(PluginFilter.StringProperty(e, TaskProperties.TaskStatus)) is { } statusColour)
        {
            output.Write(statusColour);
            ControlCharacters.Write(output, PluginFilter.StringProperty(e, PluginFilter.TaskKeyProperty) ?? "-");
            output.Write(Reset);
        }
        else
        {
            ControlCharacters.Write(output, PluginFilter.StringProperty(e, PluginFilter.TaskKeyProperty) ?? "-");
        }
        output.Write(' ');
        ControlCharacters.Write(output, e.RenderMessage(CultureInfo.InvariantCulture));
        output.Write('\n');
        if (e.Exception is not null)
        {
            ControlCharacters.Write(output, e.Exception.ToString().TrimEnd(), keepLineFeedAndTab: true);
            output.Write('\n');
        }
    }

    void Coloured(string colourCode, string text)
    {
        if (colour)
            output.Write(colourCode);
        output.Write(text);
        if (colour)
            output.Write(Reset);
    }

    // A task's boundary events stand out: started cyan, succeeded green, failed red.
    static string? StatusColour(string? status) => status switch
    {
        TaskProperties.Started => "\u001b[36m",
        TaskProperties.Succeeded => "\u001b[32m",
        TaskProperties.Failed => "\u001b[31m",
        _ => null,
    };
}
