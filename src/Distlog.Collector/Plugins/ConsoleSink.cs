using System.Globalization;
using System.Text;
using Distlog.Rendering;
using Serilog.Events;

namespace Distlog.Collector.Plugins;

/// <summary>
/// The <c>console</c> plugin: one human-readable line per event on standard output
/// (<c>2024-05-01 12:00:00.123 ERR P orders 3@root/1 message</c>), the exception on the lines below.
/// Control characters from events are made visible (<see cref="ControlCharacters"/>), so an event cannot drive the terminal.
/// The collector's own log goes to standard error, so the two never interleave in a pipe.
/// </summary>
internal sealed class ConsoleSink(TextWriter output) : IBatchSink
{
    private static readonly string[] Levels = ["VRB", "DBG", "INF", "WRN", "ERR", "FTL"];

    public static ConsoleSink StandardOutput() =>
        new(new StreamWriter(Console.OpenStandardOutput(), new UTF8Encoding(false), 64 * 1024) { AutoFlush = false });

    public void EmitBatch(IReadOnlyList<LogEvent> batch)
    {
        for (var i = 0; i < batch.Count; i++)
            Write(batch[i], EventBatch.SystemAt(batch, i));
        output.Flush();
    }

    public void Dispose() => output.Dispose();

    private void Write(LogEvent e, char system)
    {
        output.Write(e.Timestamp.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss.fff", CultureInfo.InvariantCulture));
        output.Write(' ');
        output.Write(Levels[Math.Clamp((int)e.Level, 0, Levels.Length - 1)]);
        output.Write(' ');
        output.Write(system);
        output.Write(' ');
        ControlCharacters.Write(output, PluginFilter.StringProperty(e, PluginFilter.ApplicationProperty) ?? "-");
        output.Write(' ');
        ControlCharacters.Write(output, PluginFilter.StringProperty(e, PluginFilter.TaskKeyProperty) ?? "-");
        output.Write(' ');
        ControlCharacters.Write(output, e.RenderMessage(CultureInfo.InvariantCulture));
        output.Write('\n');
        if (e.Exception is not null)
        {
            ControlCharacters.Write(output, e.Exception.ToString().TrimEnd(), keepLineFeedAndTab: true);
            output.Write('\n');
        }
    }
}
