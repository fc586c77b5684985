using Distlog.Cli.Filtering;
using Serilog.Events;

namespace Distlog.Cli.Tailing;

/// <summary>What <c>distlog tail</c> follows. Immutable.</summary>
sealed record TailOptions
{
    /// <summary>The collector's publish socket: the default of <c>--endpoint</c>.</summary>
    public const string DefaultEndpoint = "tcp://localhost:5011";

    /// <summary>The systems followed without <c>--system</c>: production, staging and test.</summary>
    public static readonly IReadOnlyList<char> AllSystems = ['P', 'S', 'T'];

    /// <summary>The PUB endpoint to connect to.</summary>
    public string Endpoint { get; init; } = DefaultEndpoint;

    /// <summary>The lowest level followed; null for all.</summary>
    public LogEventLevel? MinimumLevel { get; init; }

    /// <summary>The application followed (exact name); null for all.</summary>
    public string? Application { get; init; }

    /// <summary>The task tree or subtree followed; null for all events.</summary>
    public TaskSelector? Task { get; init; }

    /// <summary>A Serilog.Expressions condition (<c>--filter</c>) each event must meet; null for none.</summary>
    public Serilog.Expressions.CompiledExpression? Expression { get; init; }

    /// <summary>The system letters followed (topic prefix <c>P</c>, <c>S</c>, <c>T</c>).</summary>
    public IReadOnlyList<char> Systems { get; init; } = AllSystems;

    /// <summary>Stop after this many events; null to run until cancelled.</summary>
    public long? Count { get; init; }

    /// <summary>How long to wait for the endpoint to accept a connection before failing; null (the default) waits until
    /// it does, or until cancelled.</summary>
    public TimeSpan? ConnectTimeout { get; init; }

    /// <summary>CURVE towards a collector with <c>security.curve</c> (<c>--server-key</c>, <c>--certificate</c>); null for none.</summary>
    public Distlog.Transport.ZmqCurveClient? Curve { get; init; }
}
