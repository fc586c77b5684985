using System.Net;
using Distlog.Collector.Configuration;

namespace Distlog.Collector.Security;

/// <summary>
/// Refuses a listener on a network address without CURVE: every listener distlogd binds (ingest, publish) is checked
/// at start-up, and one on anything but loopback, <c>ipc://</c> or <c>inproc://</c> is a configuration error unless
/// <c>security.curve</c> is set or <c>security.allowInsecure: true</c> accepts plaintext, unauthenticated traffic.
/// </summary>
static class BindPolicy
{
    /// <summary>Throws <see cref="ConfigException"/> for the first listener the settings may not bind.</summary>
    public static void Check(CollectorSettings settings)
    {
        if (settings.Security.AllowInsecure || settings.Security.Curve is not null)
            return;

        var ingest = settings.Ingest;
        for (var i = 0; i < ingest.Endpoints.Count; i++)
        {
            if (IsLocal(ingest.Endpoints[i]))
                continue;
            if (i < ingest.EndpointLocations.Count)
                throw new ConfigException(ingest.EndpointLocations[i], "ingest.endpoints", Problem(ingest.Endpoints[i]));
            throw new ConfigException($"--ingest {ingest.Endpoints[i]}: {Problem(ingest.Endpoints[i])}");
        }

        // The control channel binds beside ingest unless the YAML names it: it is as exposed as ingest is.
        if (settings.Journal is not null)
        {
            foreach (var endpoint in settings.Control.Endpoints)
            {
                if (!IsLocal(endpoint))
                    throw new ConfigException($"control endpoint {endpoint}: {Problem(endpoint)}");
            }
        }

        foreach (var plugin in settings.Plugins)
        {
            if (plugin.Sink != BuiltInSinks.Publish)
                continue;
            var endpoint = plugin.Args.FirstOrDefault(a => a.Name.Equals("endpoint", StringComparison.OrdinalIgnoreCase));
            if (endpoint?.Value is { } address && !IsLocal(address))
                throw endpoint.Error(Problem(address));
            if (endpoint is null && !IsLocal(BuiltInSinks.PublishDefaultEndpoint))
                throw plugin.Error(Problem(BuiltInSinks.PublishDefaultEndpoint));
        }
    }

    /// <summary>
    /// True for an endpoint only this host can reach: <c>tcp://</c> (or <c>ws://</c>) on a loopback address or
    /// <c>localhost</c>, <c>ipc://</c> and <c>inproc://</c>. A wildcard (<c>*</c>, <c>0.0.0.0</c>), an interface name
    /// or another address is not.
    /// </summary>
    public static bool IsLocal(string endpoint)
    {
        var separator = endpoint.IndexOf("://", StringComparison.Ordinal);
        if (separator < 0)
            return false;
        var transport = endpoint[..separator].ToLowerInvariant();
        if (transport is "ipc" or "inproc")
            return true;
        if (transport is not ("tcp" or "ws"))
            return false;

        var address = endpoint[(separator + 3)..];
        var slash = address.IndexOf('/');
        if (slash >= 0)
            address = address[..slash];
        var colon = address.LastIndexOf(':');
        var host = (colon < 0 ? address : address[..colon]).Trim('[', ']');
        return host.Equals("localhost", StringComparison.OrdinalIgnoreCase)
            || IPAddress.TryParse(host, out var ip) && IPAddress.IsLoopback(ip);
    }

    static string Problem(string endpoint) =>
        $"'{endpoint}' is reachable from the network and CURVE is off, so anyone who can reach it could send or read events; " +
        "bind tcp://127.0.0.1, or set security.curve, or set security.allowInsecure: true to accept this";
}
