using Serilog;
using Serilog.Core;
using Serilog.Events;

namespace Distlog.Collector.Tests.Support;

/// <summary>A Serilog sink that keeps every event, for checking what the collector logs about itself.</summary>
sealed class CollectingSink : ILogEventSink
{
    readonly List<LogEvent> _events = [];

    public LogEvent[] Events { get { lock (_events) return [.. _events]; } }

    public string[] Messages => Events.Select(e => e.RenderMessage()).ToArray();

    public void Emit(LogEvent logEvent)
    {
        lock (_events)
            _events.Add(logEvent);
    }

    public ILogger Logger() => new LoggerConfiguration().MinimumLevel.Verbose().WriteTo.Sink(this).CreateLogger();
}
