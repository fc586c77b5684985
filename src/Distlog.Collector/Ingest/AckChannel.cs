using System.Buffers.Binary;
using Distlog.Collector.Journal;
using Distlog.Transport;

namespace Distlog.Collector.Ingest;

/// <summary>
/// The collector's end of the control channel: a ROUTER socket that acknowledges journaled batches to the sinks that
/// sent them. A sink's DEALER connects with its sender id as routing id; an acknowledgement is one message to it,
/// <c>ACK</c> then the sequence numbers (8 bytes each, little-endian). Acknowledgements are gathered per burst of
/// messages and sent without waiting: one lost on the way is made up by the sink's resend, which the journal answers
/// with a new acknowledgement. Owned by the ingest thread.
/// </summary>
sealed class AckChannel : IDisposable
{
    public static ReadOnlySpan<byte> AckCommand => "ACK"u8;

    // An acknowledgement the socket cannot queue at once (a sink that does not read) is dropped, not waited for.
    const int SendHighWatermark = 1_000;

    readonly ZmqSocket _socket;
    readonly Dictionary<UInt128, List<long>> _pending = [];
    readonly ZmqMessage _inbound = new();
    byte[] _sequences = new byte[8 * 64];
    int _pendingCount;

    public AckChannel(IReadOnlyList<string> endpoints, Security.CurveServer? curve = null)
    {
        _socket = ZmqContext.Shared.CreateSocket(ZmqSocketType.Router);
        try
        {
            // With security.curve, only admitted clients reach the control channel too.
            curve?.ApplyTo(_socket);
            _socket.Linger = TimeSpan.Zero;
            _socket.SendHighWatermark = SendHighWatermark;
            _socket.RouterHandover = true;
            var bound = new List<string>(endpoints.Count);
            foreach (var endpoint in endpoints)
            {
                _socket.Bind(endpoint);
                bound.Add(_socket.LastEndpoint);
            }
            BoundEndpoints = bound;
        }
        catch
        {
            _socket.Dispose();
            throw;
        }
    }

    public IReadOnlyList<string> BoundEndpoints { get; }

    /// <summary>Acknowledgements gathered and not yet sent.</summary>
    public int Pending => _pendingCount;

    public void Add(in BatchId batch)
    {
        if (!_pending.TryGetValue(batch.Sender, out var sequences))
            _pending[batch.Sender] = sequences = [];
        sequences.Add(batch.Sequence);
        _pendingCount++;
    }

    /// <summary>Sends what was gathered, one message per sender, and discards what sinks sent on the channel.</summary>
    public void Send()
    {
        while (_socket.TryReceive(_inbound, dontWait: true))
        {
        }
        if (_pendingCount == 0)
            return;

        Span<byte> routingId = stackalloc byte[BatchId.SenderSize];
        foreach (var (sender, sequences) in _pending)
        {
            if (sequences.Count == 0)
                continue;
            if (_sequences.Length < 8 * sequences.Count)
                _sequences = new byte[8 * sequences.Count];
            for (var i = 0; i < sequences.Count; i++)
                BinaryPrimitives.WriteInt64LittleEndian(_sequences.AsSpan(8 * i), sequences[i]);
            BinaryPrimitives.WriteUInt128LittleEndian(routingId, sender);
            if (_socket.TrySend(routingId, more: true, dontWait: true) && _socket.TrySend(AckCommand, more: true, dontWait: true))
                _socket.TrySend(_sequences.AsSpan(0, 8 * sequences.Count), dontWait: true);
            sequences.Clear();
        }
        if (_pending.Count > 1024)
            _pending.Clear();
        _pendingCount = 0;
    }

    public void Dispose()
    {
        _inbound.Dispose();
        _socket.Dispose();
    }
}
