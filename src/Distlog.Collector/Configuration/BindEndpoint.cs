using System.Globalization;
using System.Net;
using System.Net.NetworkInformation;

namespace Distlog.Collector.Configuration;

/// <summary>
/// Checks an endpoint distlogd binds (ingest, publish) before libzmq sees it: libzmq takes port 99999 as 34463 and
/// reads a host name as a network interface ("No such device"), so both are caught here, with the fix.
/// </summary>
static class BindEndpoint
{
    public const string Forms = "tcp://127.0.0.1:5010, tcp://*:5010, ipc:///tmp/distlog or inproc://name";

    /// <summary>The TCP port of a bound endpoint (as libzmq's last endpoint gives it); 0 for ipc, inproc or no port.</summary>
    public static int Port(string endpoint) =>
        endpoint.StartsWith("tcp://", StringComparison.Ordinal) && int.TryParse(endpoint.AsSpan(endpoint.LastIndexOf(':') + 1), out var port) ? port : 0;

    /// <summary>What is wrong with <paramref name="endpoint"/> as a bind address, or null where libzmq can bind it.</summary>
    public static string? Problem(string endpoint)
    {
        if (endpoint.StartsWith("ipc://", StringComparison.Ordinal) || endpoint.StartsWith("inproc://", StringComparison.Ordinal))
            return endpoint.Length > endpoint.IndexOf("//", StringComparison.Ordinal) + 2 ? null : $"'{endpoint}' names no path; an endpoint looks like {Forms}";
        if (!endpoint.StartsWith("tcp://", StringComparison.Ordinal))
            return $"'{endpoint}' is not an endpoint; an endpoint looks like {Forms}";

        var address = endpoint["tcp://".Length..];
        var colon = address.LastIndexOf(':');
        if (colon < 0)
            return $"'{endpoint}' has no port; give one, e.g. tcp://127.0.0.1:5010, or * for any free port";

        var host = address[..colon];
        var port = address[(colon + 1)..];
        if (port != "*" && !(int.TryParse(port, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number is >= 1 and <= 65535))
            return $"'{endpoint}': the port '{port}' is not 1-65535 or * (any free port)";

        return HostProblem(endpoint, host, port);
    }

    static string? HostProblem(string endpoint, string host, string port)
    {
        if (host.Length == 0)
            return $"'{endpoint}' names no address; give an IP address (tcp://127.0.0.1:{port}) or * for every interface";
        if (host == "*" || IPAddress.TryParse(host.Trim('[', ']'), out _) || IsInterface(host))
            return null;

        // Not resolved for the user: a name may stand for several addresses, and a lookup may hang on an offline machine.
        var example = host.Equals("localhost", StringComparison.OrdinalIgnoreCase) ? $"tcp://127.0.0.1:{port}" : $"tcp://10.0.0.5:{port}";
        return $"'{endpoint}': cannot bind to the host name '{host}' (libzmq reads it as a network interface); binding needs an IP address ({example}) or * for every interface";
    }

    // libzmq binds to an interface by name (tcp://eth0:5010); only names that are not interfaces are refused.
    static bool IsInterface(string name)
    {
        try
        {
            return NetworkInterface.GetAllNetworkInterfaces().Any(i => i.Name == name);
        }
        catch (NetworkInformationException)
        {
            return false;
        }
    }
}
