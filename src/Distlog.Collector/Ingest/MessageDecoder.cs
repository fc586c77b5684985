using System.Text;
using System.Text.Unicode;
using Distlog.Clef;
using Distlog.Collector.Clef;
using Distlog.Collector.Events;

namespace Distlog.Collector.Ingest;

/// <summary>
/// Turns one two-frame message (topic, payload) into events: <c>?LC</c> is a CLEF batch, one event per line;
/// <c>?LJ</c> is one Python distlog JSON LogRecord; <c>??P</c> (pickle) and every other topic are rejected.
/// A bad line of a batch rejects that line only. A CLEF line is checked and summarised in one pass
/// (<see cref="ClefScanner"/>) without building its event; a line the scanner declines is read by
/// <see cref="ClefReader"/>, which builds the event where the line is valid and gives the reason where it is not. Each
/// accepted CLEF event keeps a copy of its line (<see cref="IngestedEvent.Clef"/>), valid after the received message is
/// reused. Used by the ingest thread only.
/// </summary>
/// <param name="rejections">Where rejected input is counted and reported.</param>
/// <param name="linesReleased">Whether nothing holds a line numbered up to the one given any more, so that the chunk it
/// was copied into can be reused (<see cref="LineCopier"/>); without it every chunk is new.</param>
sealed class MessageDecoder(RejectionReporter rejections, Func<long, bool>? linesReleased = null)
{
    const string Systems = "PST";

    readonly LineCopier _lines = new(linesReleased);

    /// <summary>Chunks of lines allocated so far (for tests).</summary>
    internal int LineChunksAllocated => _lines.Allocated;

    /// <summary>Appends the message's events to <paramref name="output"/>; reports what it rejects.</summary>
    public void Decode(ReadOnlySpan<byte> topic, ReadOnlySpan<byte> payload, List<IngestedEvent> output)
    {
        if (topic.Length == 3 && topic[2] == (byte)'P')
        {
            rejections.Reject(RejectReason.Pickle, "pickle");
            return;
        }
        if (topic.Length != 3 || !Systems.Contains((char)topic[0]) || topic[1] != (byte)'L' || topic[2] is not ((byte)'C' or (byte)'J'))
        {
            rejections.Reject(RejectReason.UnknownTopic, $"unknown topic '{Printable(topic)}'; expected PLC, PLJ (or S/T for the system letter)");
            return;
        }

        var system = (char)topic[0];
        if (topic[2] == (byte)'J')
            DecodeRecord(system, payload, output);
        else
            DecodeBatch(system, payload, output);
    }

    void DecodeBatch(char system, ReadOnlySpan<byte> payload, List<IngestedEvent> output)
    {
        var lineNumber = 0;
        var any = false;
        while (!payload.IsEmpty)
        {
            lineNumber++;
            var end = payload.IndexOf((byte)'\n');
            var line = end < 0 ? payload : payload[..end];
            payload = end < 0 ? [] : payload[(end + 1)..];
            if (line.EndsWith("\r"u8))
                line = line[..^1];
            if (line.Trim(" \t"u8).IsEmpty)
                continue;

            any = true;
            if (!Utf8.IsValid(line))
                rejections.Reject(RejectReason.InvalidUtf8, $"CLEF line {lineNumber} is not valid UTF-8");
            else if (ClefScanner.TryScan(line, out var summary))
                output.Add(new IngestedEvent(summary, system, _lines.Copy(line)) { Line = _lines.LastLine });
            else if (ClefReader.TryRead(line, out var logEvent, out var error))
                output.Add(new IngestedEvent(logEvent, system, _lines.Copy(line)) { Line = _lines.LastLine });
            else
                rejections.Reject(RejectReason.InvalidClef, $"CLEF line {lineNumber}: {error}");
        }
        if (!any)
            rejections.Reject(RejectReason.InvalidClef, "the CLEF batch holds no event");
    }

    void DecodeRecord(char system, ReadOnlySpan<byte> payload, List<IngestedEvent> output)
    {
        if (!Utf8.IsValid(payload))
            rejections.Reject(RejectReason.InvalidUtf8, "the JSON LogRecord is not valid UTF-8");
        else if (PythonRecordReader.TryRead(payload, out var logEvent, out var error))
            output.Add(new IngestedEvent(logEvent, system) { SourceBytes = payload.Length });
        else
            rejections.Reject(RejectReason.InvalidRecord, $"JSON LogRecord: {error}");
    }

    static string Printable(ReadOnlySpan<byte> topic)
    {
        var shown = topic.Length > 16 ? topic[..16] : topic;
        var text = new StringBuilder(shown.Length + 1);
        foreach (var b in shown)
            text.Append(b is >= 0x20 and < 0x7F ? (char)b : '?');
        return topic.Length > 16 ? text.Append('…').ToString() : text.ToString();
    }
}
