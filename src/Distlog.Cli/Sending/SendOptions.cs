using Distlog.Cli.Input;

namespace Distlog.Cli.Sending;

/// <summary>How <c>distlog send</c> delivers. Immutable.</summary>
sealed record SendOptions
{
    /// <summary>The collector's ingest socket: the default of <c>--endpoint</c>.</summary>
    public const string DefaultEndpoint = "tcp://localhost:5010";

    /// <summary>Lines per message at most.</summary>
    public const int DefaultMaxBatchEvents = 500;

    /// <summary>Bytes per message at most (a longer single line goes alone).</summary>
    public const int DefaultMaxBatchBytes = 256 * 1024;

    /// <summary>The PULL endpoint to connect to.</summary>
    public string Endpoint { get; init; } = DefaultEndpoint;

    /// <summary>The system letter of the topic: <c>P</c>roduction, <c>S</c>taging or <c>T</c>est.</summary>
    public char System { get; init; } = 'P';

    /// <summary>What to do with lines that are not CLEF.</summary>
    public InvalidDataMode InvalidData { get; init; } = InvalidDataMode.Fail;

    /// <summary>How long to wait for a collector to take each message, and for the last ones to leave before exit.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Lines per message at most.</summary>
    public int MaxBatchEvents { get; init; } = DefaultMaxBatchEvents;

    /// <summary>Bytes per message at most.</summary>
    public int MaxBatchBytes { get; init; } = DefaultMaxBatchBytes;

    /// <summary>The topic frame, e.g. <c>PLC</c>.</summary>
    public string Topic => $"{System}LC";

    /// <summary>CURVE towards a collector with <c>security.curve</c> (<c>--server-key</c>, <c>--certificate</c>); null for none.</summary>
    public Distlog.Transport.ZmqCurveClient? Curve { get; init; }
}
