using System.Buffers;
using System.Text.Json;
using Distlog.Clef;
using Distlog.Collector.Events;
using Distlog.Collector.Security;
using Distlog.Transport;
using Serilog.Events;

namespace Distlog.Collector.Ingest;

/// <summary>
/// Checks each message ingest received over CURVE against its client: the message's <c>User-Id</c> (the client's key,
/// which the ZAP handler set) finds the client in the current allow-list; its events of applications it may not write
/// are refused and counted (<see cref="RejectReason.ApplicationNotAllowed"/>), a client removed from the list since it
/// connected has all its events refused (<see cref="RejectReason.UnknownClient"/>), and every event kept gets the
/// client's <c>ClientName</c>, appended to its CLEF line (a client's own <c>ClientName</c> is replaced). Used by the
/// ingest thread only.
/// </summary>
sealed class ClientScreen(Func<AuthorizedClients> clients, RejectionReporter rejections)
{
    // Lines with the name appended are copied into chunks of their own, never reused: the GC frees them.
    const int ChunkSize = 64 * 1024;

    byte[] _chunk = [];
    int _used;

    public void Screen(ZmqMessage message, List<IngestedEvent> events)
    {
        if (events.Count == 0)
            return;
        var client = clients().Find(message.Property("User-Id\0"u8));
        if (client is null)
        {
            foreach (var _ in events)
                rejections.Reject(RejectReason.UnknownClient, "an event from a CURVE client whose key is not (or no longer) in authorizedClients");
            events.Clear();
            return;
        }

        var kept = 0;
        for (var i = 0; i < events.Count; i++)
        {
            var e = events[i];
            if (!client.MayWrite(e.Summary.Application))
            {
                rejections.Reject(RejectReason.ApplicationNotAllowed,
                    $"an event of application '{e.Summary.Application}' from client '{client.Name}', whose certificate allows {string.Join(", ", client.Applications!)}");
                continue;
            }
            events[kept++] = Named(e, client);
        }
        events.RemoveRange(kept, events.Count - kept);
    }

    IngestedEvent Named(IngestedEvent e, AuthorizedClient client)
    {
        if (e.Built is { } built)
        {
            built.AddOrUpdateProperty(new LogEventProperty(AuthorizedClient.ClientNameProperty, new ScalarValue(client.Name)));
            return e.Clef.IsEmpty ? e : e with { Clef = Written(built) };
        }

        var line = e.Clef.Span;
        if (MayNameItself(line))
        {
            // Rare: rewritten whole, so that the line holds one ClientName, the collector's.
            var logEvent = ClefReader.Read(line);
            logEvent.AddOrUpdateProperty(new LogEventProperty(AuthorizedClient.ClientNameProperty, new ScalarValue(client.Name)));
            return new IngestedEvent(logEvent, e.System, Written(logEvent)) { Line = e.Line };
        }

        // The line is a checked JSON object: its last '}' closes it. What comes before keeps its offsets (TaskKey).
        var close = line.LastIndexOf((byte)'}');
        var named = Reserve(line.Length + client.NameProperty.Length);
        line[..close].CopyTo(named.Span);
        client.NameProperty.CopyTo(named.Span[close..]);
        line[close..].CopyTo(named.Span[(close + client.NameProperty.Length)..]);
        return e with { Clef = named };
    }

    /// <summary>Whether the line may have a top-level <c>ClientName</c> of its own (its text, or any escape in a name).</summary>
    static bool MayNameItself(ReadOnlySpan<byte> line)
    {
        if (line.IndexOf("\"ClientName\""u8) < 0 && line.IndexOf("\\u"u8) < 0)
            return false;
        var reader = new Utf8JsonReader(line);
        reader.Read();
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals(AuthorizedClient.ClientNameProperty))
                return true;
            reader.Read();
            reader.Skip();
        }
        return false;
    }

    Memory<byte> Reserve(int length)
    {
        if (length > ChunkSize / 8)
            return new byte[length];
        if (_chunk.Length - _used < length)
        {
            _chunk = GC.AllocateUninitializedArray<byte>(ChunkSize);
            _used = 0;
        }
        var memory = _chunk.AsMemory(_used, length);
        _used += length;
        return memory;
    }

    static byte[] Written(LogEvent logEvent)
    {
        var buffer = new ArrayBufferWriter<byte>(512);
        using (var writer = new Utf8JsonWriter(buffer, ClefWriter.WriterOptions))
            ClefWriter.Write(logEvent, writer);
        return buffer.WrittenSpan.ToArray();
    }
}
