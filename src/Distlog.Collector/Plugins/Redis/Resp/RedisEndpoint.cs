using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace Distlog.Collector.Plugins.Redis.Resp;

/// <summary>The address of a Redis server: a host name or IP address and a TCP port.</summary>
/// <param name="Host">A host name or an IP address (IPv6 without brackets).</param>
/// <param name="Port">The TCP port, 1 to 65535.</param>
readonly record struct RedisEndpoint(string Host, int Port)
{
    /// <summary>The port Redis listens on unless told otherwise.</summary>
    public const int DefaultPort = 6379;

    /// <summary>
    /// Parses <c>host:port</c>, <c>host</c> (port 6379), <c>[ipv6]:port</c>, <c>[ipv6]</c> or a bare IPv6 address.
    /// </summary>
    /// <exception cref="FormatException">The text is not such an address; the message names it and the expected form.</exception>
    public static RedisEndpoint Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var trimmed = text.Trim();
        if (TryParse(trimmed, out var endpoint))
            return endpoint;

        throw new FormatException(
            $"'{text}' is not a Redis server address: expected host:port, e.g. localhost:6379 or [::1]:6379.");
    }

    static bool TryParse(string text, out RedisEndpoint endpoint)
    {
        endpoint = default;
        if (text.Length == 0)
            return false;

        if (text[0] == '[')
        {
            var close = text.IndexOf(']');
            if (close < 2)
                return false;

            var rest = text.AsSpan(close + 1);
            var port = DefaultPort;
            if (rest.Length > 0 && (rest[0] != ':' || !TryParsePort(rest[1..], out port)))
                return false;

            endpoint = new RedisEndpoint(text[1..close], port);
            return true;
        }

        var colon = text.IndexOf(':');
        if (colon < 0)
        {
            endpoint = new RedisEndpoint(text, DefaultPort);
            return true;
        }

        // More than one colon and no brackets: only an IPv6 address on its own makes sense.
        if (text.IndexOf(':', colon + 1) >= 0)
        {
            if (!IPAddress.TryParse(text, out var address) || address.AddressFamily != AddressFamily.InterNetworkV6)
                return false;

            endpoint = new RedisEndpoint(text, DefaultPort);
            return true;
        }

        if (colon == 0 || !TryParsePort(text.AsSpan(colon + 1), out var parsedPort))
            return false;

        endpoint = new RedisEndpoint(text[..colon], parsedPort);
        return true;
    }

    static bool TryParsePort(ReadOnlySpan<char> text, out int port) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out port) && port is > 0 and <= 65535;

    /// <summary><c>host:port</c>, with an IPv6 host in brackets.</summary>
    public override string ToString() =>
        Host.Contains(':') ? $"[{Host}]:{Port}" : $"{Host}:{Port}";
}
