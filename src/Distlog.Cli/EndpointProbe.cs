using System.Globalization;
using System.Net.Sockets;

namespace Distlog.Cli;

/// <summary>
/// Checks that something accepts TCP connections at a ZeroMQ <c>tcp://host:port</c> endpoint. libzmq connects in the
/// background and never reports a refused connection, so without this check <c>tail</c> would wait silently
/// on a collector that is not there. Other transports (<c>ipc://</c>) are not checked.
/// </summary>
static class EndpointProbe
{
    static readonly TimeSpan RetryDelay = TimeSpan.FromMilliseconds(250);

    // One attempt gives up after this, so that a host that drops packets is reported as soon as a refusing one is.
    static readonly TimeSpan AttemptTimeout = TimeSpan.FromSeconds(2);

    /// <summary>
    /// Tries to connect until one attempt succeeds, <paramref name="timeout"/> passes (null: until cancelled), or
    /// <paramref name="cancellationToken"/> is cancelled. <paramref name="waiting"/> hears the reason of the first
    /// failed attempt, once, so that the user knows what is awaited. Past the timeout, a <see cref="CliException"/>
    /// names the endpoint and <paramref name="hint"/>.
    /// </summary>
    public static async Task WaitUntilReachableAsync(string endpoint, TimeSpan? timeout, string hint, Action<string>? waiting,
        CancellationToken cancellationToken)
    {
        if (!TryParseTcp(endpoint, out var host, out var port))
            return;

        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        if (timeout is { } limit)
            deadline.CancelAfter(limit);
        var reason = "timed out";
        var told = false;
        while (true)
        {
            using var attempt = CancellationTokenSource.CreateLinkedTokenSource(deadline.Token);
            attempt.CancelAfter(AttemptTimeout);
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(host, port, attempt.Token).ConfigureAwait(false);
                return;
            }
            catch (SocketException ex)
            {
                reason = ex.SocketErrorCode == SocketError.ConnectionRefused ? "connection refused" : ex.Message;
            }
            catch (OperationCanceledException) when (!deadline.IsCancellationRequested)
            {
                reason = "no answer";
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                break;
            }

            if (!told)
                waiting?.Invoke(reason);
            told = true;

            try
            {
                await Task.Delay(RetryDelay, deadline.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                break;
            }
        }

        throw new CliException(string.Create(CultureInfo.InvariantCulture,
            $"cannot connect to {endpoint} within {timeout.GetValueOrDefault().TotalSeconds:0.#} s ({reason}); {hint}"));
    }

    /// <summary>Splits <c>tcp://host:port</c>, with an IPv6 host in brackets; false for other endpoints.</summary>
    public static bool TryParseTcp(string endpoint, out string host, out int port)
    {
        host = "";
        port = 0;
        const string scheme = "tcp://";
        if (!endpoint.StartsWith(scheme, StringComparison.OrdinalIgnoreCase))
            return false;

        var address = endpoint[scheme.Length..];
        var colon = address.LastIndexOf(':');
        if (colon <= 0 || !int.TryParse(address[(colon + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out port))
            return false;

        host = address[..colon].Trim('[', ']');
        // A "source;destination" endpoint names the local address first.
        host = host[(host.IndexOf(';') + 1)..];
        return host.Length > 0 && host != "*";
    }
}
