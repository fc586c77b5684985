using System.Text;

namespace Distlog.Benchmarks.Collector;

/// <summary>
/// The load harness's event as a CLEF batch: 226-byte lines inside a task, each with its own <c>Row</c> number,
/// separated by <c>\n</c>, as <c>WriteTo.Distlog</c> and the harness's producer send them.
/// </summary>
static class CollectorPayload
{
    public static byte[] Batch(int events)
    {
        var text = new StringBuilder();
        for (var i = 0; i < events; i++)
        {
            if (i > 0)
                text.Append('\n');
            text.Append("""{"@t":"2024-05-01T12:34:56.7890123Z","@mt":"Stored row {Row} for {Customer} in {Elapsed} ms","Row":""")
                .Append(1_000_000_000 + i)
                .Append(""","Customer":"ACME","Elapsed":1.25,"Application":"load","Host":"h1",""")
                .Append("\"TaskKey\":\"42@4bf92f3577b34da6a3ce929d0e0e4736/1\"}");
        }
        return Encoding.UTF8.GetBytes(text.ToString());
    }
}
