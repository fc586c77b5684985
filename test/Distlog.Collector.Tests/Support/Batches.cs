using Distlog.Collector.Plugins;
using Serilog.Events;

namespace Distlog.Collector.Tests.Support;

/// <summary>Batches of events built in a test, as a sink receives them (no CLEF line: the sink formats each event).</summary>
static class Batches
{
    public static EventBatch Of(params IEnumerable<LogEvent> events)
    {
        var batch = new EventBatch(16);
        foreach (var e in events)
            batch.Add(e, EventBatch.DefaultSystem);
        return batch;
    }
}
