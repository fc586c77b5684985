using System.Collections.Concurrent;
using Serilog.Core;
using Serilog.Events;

namespace Distlog.Serilog.Tests.Support;

/// <summary>Keeps every event it receives, thread-safely, in arrival order.</summary>
sealed class CollectingSink : ILogEventSink
{
    readonly ConcurrentQueue<LogEvent> _events = new();

    public IReadOnlyList<LogEvent> Events => [.. _events];

    public void Emit(LogEvent logEvent) => _events.Enqueue(logEvent);
}
