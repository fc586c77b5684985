using System.Buffers.Binary;

namespace Distlog.Collector.Journal;

/// <summary>
/// The batches of each acknowledging sender already in the journal, so that a batch resent after a lost
/// acknowledgement is acknowledged again but journaled once. A sender's entry holds the sequence numbers at or above the
/// lowest one it still waits for (which it sends with every batch); the rest are forgotten. Written at the start of every
/// segment and rebuilt from the newest one at start-up. Used under the journal's writer lock.
/// </summary>
sealed class SenderTable
{
    /// <summary>Senders silent for this long are forgotten at the next segment.</summary>
    public static readonly TimeSpan ForgetAfter = TimeSpan.FromHours(24);

    /// <summary>Sequence numbers kept per sender; a sender that leaves more unacknowledged loses the oldest from the table.</summary>
    public const int MaxSequencesPerSender = 65_536;

    readonly Dictionary<UInt128, Entry> _senders = [];

    public int Count => _senders.Count;

    /// <summary>Whether the batch is already in the journal.</summary>
    public bool Contains(in BatchId batch) =>
        _senders.TryGetValue(batch.Sender, out var entry) && (batch.Sequence < entry.Lowest || entry.Sequences.Contains(batch.Sequence));

    /// <summary>Notes that the batch is in the journal.</summary>
    public void Add(in BatchId batch, long nowMs)
    {
        if (!_senders.TryGetValue(batch.Sender, out var entry))
            _senders[batch.Sender] = entry = new Entry();
        entry.LastSeenMs = nowMs;
        if (batch.LowestUnacknowledged > entry.Lowest)
        {
            entry.Lowest = batch.LowestUnacknowledged;
            entry.Sequences.RemoveWhere(s => s < entry.Lowest);
        }
        if (entry.Sequences.Count >= MaxSequencesPerSender)
            entry.Sequences.Remove(entry.Sequences.Min);
        entry.Sequences.Add(batch.Sequence);
    }

    /// <summary>Forgets that the batch is in the journal (its write failed).</summary>
    public void Remove(in BatchId batch)
    {
        if (_senders.TryGetValue(batch.Sender, out var entry))
            entry.Sequences.Remove(batch.Sequence);
    }

    /// <summary>The table as the payload of a <see cref="RecordKind.Senders"/> record, leaving out senders silent since
    /// <see cref="ForgetAfter"/>.</summary>
    public byte[] Serialize(long nowMs)
    {
        var cutoff = nowMs - (long)ForgetAfter.TotalMilliseconds;
        foreach (var stale in _senders.Where(s => s.Value.LastSeenMs < cutoff).Select(s => s.Key).ToList())
            _senders.Remove(stale);

        var size = _senders.Values.Sum(e => 36 + 8 * e.Sequences.Count);
        var payload = new byte[size];
        var at = 0;
        foreach (var (sender, entry) in _senders)
        {
            BinaryPrimitives.WriteUInt128LittleEndian(payload.AsSpan(at), sender);
            BinaryPrimitives.WriteInt64LittleEndian(payload.AsSpan(at + 16), entry.Lowest);
            BinaryPrimitives.WriteInt64LittleEndian(payload.AsSpan(at + 24), entry.LastSeenMs);
            BinaryPrimitives.WriteInt32LittleEndian(payload.AsSpan(at + 32), entry.Sequences.Count);
            at += 36;
            foreach (var sequence in entry.Sequences)
            {
                BinaryPrimitives.WriteInt64LittleEndian(payload.AsSpan(at), sequence);
                at += 8;
            }
        }
        return payload;
    }

    /// <summary>Adds the senders of a <see cref="RecordKind.Senders"/> payload to those known; false where it is malformed.</summary>
    public bool Load(ReadOnlySpan<byte> payload)
    {
        while (payload.Length >= 36)
        {
            var entry = new Entry
            {
                Lowest = BinaryPrimitives.ReadInt64LittleEndian(payload[16..]),
                LastSeenMs = BinaryPrimitives.ReadInt64LittleEndian(payload[24..]),
            };
            var sender = BinaryPrimitives.ReadUInt128LittleEndian(payload);
            var sequences = BinaryPrimitives.ReadInt32LittleEndian(payload[32..]);
            payload = payload[36..];
            if (sequences < 0 || payload.Length < 8L * sequences)
                return false;
            for (var i = 0; i < sequences; i++)
                entry.Sequences.Add(BinaryPrimitives.ReadInt64LittleEndian(payload[(8 * i)..]));
            payload = payload[(8 * sequences)..];
            if (_senders.TryGetValue(sender, out var known))
            {
                // Read in any order (a segment's records, then an older segment's table): what is known is kept.
                known.Sequences.UnionWith(entry.Sequences);
                known.Lowest = Math.Max(known.Lowest, entry.Lowest);
                known.LastSeenMs = Math.Max(known.LastSeenMs, entry.LastSeenMs);
            }
            else
                _senders[sender] = entry;
        }
        return payload.IsEmpty;
    }

    sealed class Entry
    {
        public long Lowest;
        public long LastSeenMs;
        public readonly SortedSet<long> Sequences = [];
    }
}
