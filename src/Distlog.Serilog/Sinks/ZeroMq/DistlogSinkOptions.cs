using Serilog;

namespace Distlog.Sinks.ZeroMq;

/// <summary>The settings of one <see cref="DistlogSink"/>; see <c>WriteTo.Distlog()</c> for their meaning.</summary>
sealed record DistlogSinkOptions
{
    public const string DefaultEndpoint = "tcp://localhost:5010";
    public const int DefaultQueueLimit = 100_000;
    public const int DefaultBatchSizeLimit = 1_000;
    public const int DefaultBatchBytesLimit = 1024 * 1024;
    public const int DefaultEventBodyLimitBytes = 1024 * 1024;
    public const int DefaultFormatOnEmitDepth = 1_000;
    public const string Systems = "PST";
    public static readonly TimeSpan DefaultDropReportInterval = TimeSpan.FromSeconds(10);
    public static readonly TimeSpan DefaultFlushTimeout = TimeSpan.FromSeconds(10);
    public static readonly TimeSpan DefaultAcknowledgementTimeout = TimeSpan.FromSeconds(2);
    /// <summary>The control endpoint's port is the endpoint's plus this (5012 for 5010), as distlogd binds it by default.</summary>
    public const int ControlPortOffset = 2;

    public string Endpoint { get; init; } = DefaultEndpoint;
    public required string Application { get; init; }
    public char System { get; init; } = 'P';
    public int QueueLimit { get; init; } = DefaultQueueLimit;
    public DistlogWhenFull WhenFull { get; init; } = DistlogWhenFull.Drop;
    public int BatchSizeLimit { get; init; } = DefaultBatchSizeLimit;
    public int BatchBytesLimit { get; init; } = DefaultBatchBytesLimit;
    public int EventBodyLimitBytes { get; init; } = DefaultEventBodyLimitBytes;

    /// <summary>
    /// At this many queued events the worker has fallen behind, and <c>Emit</c> formats each event on the logging
    /// thread and queues its CLEF line, not the <see cref="Serilog.Events.LogEvent"/>.
    /// </summary>
    public int FormatOnEmitDepth { get; init; } = DefaultFormatOnEmitDepth;
    public TimeSpan DropReportInterval { get; init; } = DefaultDropReportInterval;
    public TimeSpan FlushTimeout { get; init; } = DefaultFlushTimeout;

    /// <summary>Whether batches are kept until the collector acknowledges them (and resent where it does not).</summary>
    public bool Acknowledge { get; init; } = true;

    /// <summary>The collector's control endpoint, where acknowledgements come from; null: the endpoint's host, its port + 2.</summary>
    public string? ControlEndpoint { get; init; }

    /// <summary>How long a batch waits for its acknowledgement before it is sent again (then twice as long, up to 30 s).</summary>
    public TimeSpan AcknowledgementTimeout { get; init; } = DefaultAcknowledgementTimeout;

    /// <summary>The control endpoint to connect to: <see cref="ControlEndpoint"/>, else <see cref="Endpoint"/>'s host on its
    /// port plus <see cref="ControlPortOffset"/>; null where the endpoint is not <c>tcp://host:port</c>.</summary>
    public string? EffectiveControlEndpoint
    {
        get
        {
            if (ControlEndpoint is not null)
                return ControlEndpoint;
            if (!Endpoint.StartsWith("tcp://", StringComparison.Ordinal))
                return null;
            var colon = Endpoint.LastIndexOf(':');
            return colon > "tcp://".Length && int.TryParse(Endpoint.AsSpan(colon + 1), out var port) && port > 0 && port + ControlPortOffset <= 65535
                ? $"{Endpoint[..colon]}:{port + ControlPortOffset}"
                : null;
        }
    }
    /// <summary>The collector's CURVE public key (Z85) or the path of its public certificate; null for no CURVE.</summary>
    public string? ServerKey { get; init; }

    /// <summary>Which ZeroMQ implementation sends: libzmq where it loads, otherwise NetMQ, by default.</summary>
    public DistlogTransport Transport { get; init; } = DistlogTransport.Auto;

    /// <summary>The path of this client's secret CURVE certificate; null for no CURVE.</summary>
    public string? ClientCertificate { get; init; }
}
