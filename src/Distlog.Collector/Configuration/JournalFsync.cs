namespace Distlog.Collector.Configuration;

/// <summary>The journal's <c>fsync</c>: when appended batches are forced to disk.</summary>
enum JournalFsync
{
    /// <summary>Every second, in the background. A batch is acknowledged once written to the OS: it survives a crash of
    /// distlogd, and a crash of the machine loses at most the last second. The default.</summary>
    Interval,

    /// <summary>Before each acknowledgement (one fsync per burst of messages): survives a crash of the machine too.</summary>
    Always,

    /// <summary>Never; the OS writes back when it likes.</summary>
    Never,
}
