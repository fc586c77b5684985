using System.Globalization;

namespace Distlog.Collector.Configuration;

/// <summary>
/// The <c>control</c> section: where the control channel's ROUTER socket binds. Sinks connect to it to have their
/// batches acknowledged (and, later, to follow level rules). Without the section: each ingest endpoint's host on its port
/// plus <see cref="PortOffset"/> (5012 for 5010), which is where a sink looks by default.
/// </summary>
sealed record ControlSettings(IReadOnlyList<string> Endpoints)
{
    public const int PortOffset = 2;

    /// <summary>The control endpoints that go with <paramref name="ingest"/>'s: same host, port + <see cref="PortOffset"/>
    /// (a random port where ingest's is <c>*</c>).</summary>
    public static ControlSettings For(IngestSettings ingest) => new(ingest.Endpoints.Select(Beside).ToList());

    static string Beside(string endpoint)
    {
        var colon = endpoint.LastIndexOf(':');
        if (!endpoint.StartsWith("tcp://", StringComparison.Ordinal) || colon <= "tcp://".Length)
            return endpoint + "-control";
        var port = endpoint[(colon + 1)..];
        return int.TryParse(port, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number > 0 && number + PortOffset <= 65535
            ? $"{endpoint[..colon]}:{number + PortOffset}"
            : $"{endpoint[..colon]}:*";
    }
}
