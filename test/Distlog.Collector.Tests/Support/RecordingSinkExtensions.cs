using System.Collections.Concurrent;
using Serilog;
using Serilog.Configuration;
using Serilog.Core;
using Serilog.Events;

namespace Distlog.Collector.Tests.Support;

/// <summary>
/// A Serilog sink whose <c>WriteTo</c> method takes a complex object and an array, for the collector's generic plugin to
/// bind from YAML (<c>using: Distlog.Collector.Tests</c>). What it receives is kept under its name in <see cref="Received"/>.
/// </summary>
public static class RecordingSinkExtensions
{
    /// <summary>The lines each named sink wrote: <c>prefix tags... message</c>.</summary>
    public static ConcurrentDictionary<string, ConcurrentQueue<string>> Received { get; } = new();

    public static LoggerConfiguration Recording(this LoggerSinkConfiguration writeTo, string name, RecordingOptions options, string[] tags,
        LogEventLevel restrictedToMinimumLevel = LevelAlias.Minimum, LoggingLevelSwitch? levelSwitch = null) =>
        writeTo.Sink(new RecordingSink(Received.GetOrAdd(name, _ => new ConcurrentQueue<string>()), options, tags), restrictedToMinimumLevel, levelSwitch);

    sealed class RecordingSink(ConcurrentQueue<string> lines, RecordingOptions options, string[] tags) : ILogEventSink
    {
        public void Emit(LogEvent logEvent) =>
            lines.Enqueue($"{options.Prefix} {string.Join(' ', tags)} {logEvent.RenderMessage()}".PadRight(options.Width));
    }
}
