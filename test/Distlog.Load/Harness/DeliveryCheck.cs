using System.Collections;
using System.Text;
using Distlog.Load.Payloads;

namespace Distlog.Load.Harness;

/// <summary>
/// What arrived, checked after the run: the lines in the output, how many distinct events they are (by the payload's
/// <c>Row</c> index, or by <c>TaskKey</c> for application events), and so whether each event arrived exactly once.
/// </summary>
sealed record DeliveryCheck(long Expected, long Lines, long Distinct)
{
    public bool ExactlyOnce => Lines == Expected && Distinct == Expected;

    public string Describe() => ExactlyOnce
        ? $"all {Expected:N0}, once"
        : $"FAILED: {Lines:N0} lines, {Distinct:N0} distinct of {Expected:N0}";

    /// <summary>Counts lines and distinct payload indexes 0..expected-1 (harness payloads, raw or re-formatted).</summary>
    public static DeliveryCheck ByRowIndex(string path, long expected)
    {
        var seen = new BitArray(checked((int)expected));
        long lines = 0, distinct = 0;
        LineScanner.Scan(path, line =>
        {
            lines++;
            if (ClefPayload.TryReadIndex(line, out var index) && index < expected && !seen[(int)index])
            {
                seen[(int)index] = true;
                distinct++;
            }
        });
        return new DeliveryCheck(expected, lines, distinct);
    }

    /// <summary>Counts lines and distinct <c>TaskKey</c> values: inside tasks, every event's key is unique.</summary>
    public static DeliveryCheck ByTaskKey(string path, long expected)
    {
        var keys = new HashSet<string>(capacity: (int)Math.Min(expected, 10_000_000));
        long lines = 0;
        var marker = "\"TaskKey\":\""u8.ToArray();
        LineScanner.Scan(path, line =>
        {
            lines++;
            var at = line.IndexOf(marker);
            if (at < 0)
                return;
            var value = line[(at + marker.Length)..];
            var end = value.IndexOf((byte)'"');
            if (end > 0)
                keys.Add(Encoding.UTF8.GetString(value[..end]));
        });
        return new DeliveryCheck(expected, lines, keys.Count);
    }
}
