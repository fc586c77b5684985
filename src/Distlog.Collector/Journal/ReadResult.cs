namespace Distlog.Collector.Journal;

/// <summary>What reading a journal record at an offset found.</summary>
enum ReadResult
{
    /// <summary>A whole record with a good checksum.</summary>
    Record,

    /// <summary>Nothing: the offset is the end of the data.</summary>
    End,

    /// <summary>A record that ends past the data: the tail of a write that did not finish (kill -9, power loss).</summary>
    Torn,

    /// <summary>Bytes that are not a record, or a record whose checksum is wrong.</summary>
    Corrupt,
}
