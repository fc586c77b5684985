using Serilog;
using Serilog.Core;
using Serilog.Events;

namespace Distlog.Testing;

/// <summary>A Serilog sink that keeps every event it receives, in arrival order; safe to use from any thread.</summary>
public sealed class CollectingSink : ILogEventSink
{
    readonly List<LogEvent> _events = [];

    /// <summary>The events received so far (a copy).</summary>
    public LogEvent[] Events
    {
        get
        {
            lock (_events)
                return [.. _events];
        }
    }

    /// <summary>The received events' messages, rendered.</summary>
    public string[] Messages => [.. Events.Select(e => e.RenderMessage())];

    /// <inheritdoc/>
    public void Emit(LogEvent logEvent)
    {
        lock (_events)
            _events.Add(logEvent);
    }

    /// <summary>A new logger, every level enabled, writing to this sink only.</summary>
    public ILogger Logger() => new LoggerConfiguration().MinimumLevel.Verbose().WriteTo.Sink(this).CreateLogger();
}
