namespace Distlog.Collector.Ingest;

/// <summary>Why the collector rejected a message (or one line of a CLEF batch). Each has its own counter.</summary>
enum RejectReason
{
    /// <summary>The payload is larger than <c>ingest.maxMessageBytes</c>; the one message is dropped.</summary>
    TooLarge,

    /// <summary>A message with other than two frames (topic, payload).</summary>
    WrongFrameCount,

    /// <summary>A topic other than <c>{P|S|T}LC</c>, <c>{P|S|T}LJ</c> or a pickle topic.</summary>
    UnknownTopic,

    /// <summary>A Python pickle (<c>??P</c>): never unpickled.</summary>
    Pickle,

    /// <summary>A payload or CLEF line that is not valid UTF-8.</summary>
    InvalidUtf8,

    /// <summary>A CLEF line that is not a valid CLEF event (broken JSON, wrong types, too deep, too many properties).</summary>
    InvalidClef,

    /// <summary>A Python distlog JSON LogRecord that cannot be mapped to an event.</summary>
    InvalidRecord,

    /// <summary>An event of an application that the certificate of its CURVE client does not name (<c>applications</c>).</summary>
    ApplicationNotAllowed,

    /// <summary>A message from a CURVE client whose key is no longer in <c>authorizedClients</c> (removed, then SIGHUP).</summary>
    UnknownClient,

    /// <summary>A message the collector failed on for a reason of its own, not of the input; reported with the error.</summary>
    InternalError,

    /// <summary>The journal could not be written (a disk error): not acknowledged, so an acknowledging sink sends it again.</summary>
    JournalWriteFailed,
}
