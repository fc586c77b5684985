using System.Text;
using Distlog.Collector.Events;
using Distlog.Collector.Ingest;
using Distlog.Collector.Plugins;
using Serilog.Core;

namespace Distlog.Collector.Tests.Support;

/// <summary>Batches as a plugin receives them: messages decoded by the collector's own decoder, lines kept as received.</summary>
static class Received
{
    /// <summary>One <c>PLC</c> message holding <paramref name="lines"/>, decoded.</summary>
    public static EventBatch Clef(params string[] lines) => Decode("PLC", string.Join("\n", lines));

    /// <summary>One <c>PLJ</c> message: a Python distlog JSON LogRecord, decoded.</summary>
    public static EventBatch PythonRecord(string json) => Decode("PLJ", json);

    static EventBatch Decode(string topic, string payload)
    {
        var events = new List<IngestedEvent>();
        new MessageDecoder(new RejectionReporter(new IngestCounters(), Logger.None))
            .Decode(Encoding.ASCII.GetBytes(topic), Encoding.UTF8.GetBytes(payload), events);
        var batch = new EventBatch(events.Count);
        foreach (var e in events)
            batch.Add(e);
        return batch;
    }
}
