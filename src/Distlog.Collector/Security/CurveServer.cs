using Distlog.Collector.Configuration;
using Distlog.Collector.Diagnostics;
using Distlog.Rendering;
using Distlog.Transport;
using Serilog;

namespace Distlog.Collector.Security;

/// <summary>
/// The collector's CURVE (<c>security.curve</c>): its key pair and the allow-list of client keys. Every ZeroMQ listener
/// calls <see cref="ApplyTo"/> on its socket before binding; the socket then requires CURVE, the <see cref="ZapHandler"/>
/// admits only the keys in <see cref="Clients"/>, and every refused handshake is counted and logged with the peer's
/// address (rate-limited). <see cref="Reload"/> (SIGHUP) re-reads <c>authorizedClients</c>; ingest checks each message
/// against the current list (<c>ClientScreen</c> in ingest). Thread-safe.
/// </summary>
sealed class CurveServer : IDisposable
{
    public static readonly TimeSpan ReportWindow = TimeSpan.FromSeconds(10);

    readonly CurveSettings _settings;
    readonly ZmqCurveKeyPair _keys;
    readonly Action _refused;
    readonly ILogger _log;
    readonly string _domain;
    volatile AuthorizedClients _clients;
    // Refusal reports by reason, on the ZAP thread only.
    readonly WarningWindow[] _warnings = [.. Enum.GetValues<HandshakeRefusal>().Select(_ => new WarningWindow(ReportWindow))];

    CurveServer(CurveSettings settings, ZmqCurveKeyPair keys, AuthorizedClients clients, Action refused, ILogger log)
    {
        _settings = settings;
        _keys = keys;
        _clients = clients;
        _refused = refused;
        _log = log;
        _domain = ZapHandler.Shared.Register(this);
    }

    /// <summary>Reads both files; a problem is a <see cref="ConfigException"/> naming the file and the YAML key.</summary>
    public static CurveServer Load(CurveSettings settings, Action refused, ILogger log)
    {
        ZmqCertificate certificate;
        try
        {
            certificate = ZmqCertificate.Load(settings.ServerCertificate);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or InvalidDataException)
        {
            throw new ConfigException(settings.Location, "security.curve.serverCertificate", ex.Message, ex);
        }
        if (certificate.SecretKey is null)
            throw new ConfigException(settings.Location, "security.curve.serverCertificate",
                $"{settings.ServerCertificate} is a public certificate; the collector needs its secret one ({Path.GetFileName(settings.ServerCertificate)}{ZmqCertificate.SecretSuffix})");

        AuthorizedClients clients;
        try
        {
            clients = AuthorizedClients.Load(settings.AuthorizedClients);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new ConfigException(settings.Location, "security.curve.authorizedClients", $"cannot read the folder '{settings.AuthorizedClients}': {ex.Message}", ex);
        }
        if (clients.Problems.Count > 0)
            throw new ConfigException(settings.Location, "security.curve.authorizedClients", clients.Problems[0]);
        return new CurveServer(settings, certificate.KeyPair, clients, refused, log);
    }

    /// <summary>The collector's public key: what clients give as <c>serverKey</c>.</summary>
    public string PublicKey => _keys.PublicKey;

    /// <summary>The allow-list now in force.</summary>
    public AuthorizedClients Clients => _clients;

    /// <summary>
    /// Makes <paramref name="socket"/> (a socket of <see cref="ZmqContext.Shared"/>) a CURVE server with this collector's
    /// key, authenticated by the allow-list, its failed handshakes counted; the addresses <paramref name="barrier"/> bars are
    /// refused first; <paramref name="observer"/>, where given, is told of every connection (the socket's one monitor
    /// serves both). Call on the socket's thread, before binding.
    /// </summary>
    public void ApplyTo(ZmqSocket socket, PeerBarrier? barrier = null, IConnectionObserver? observer = null)
    {
        socket.SetCurveServer(_keys.SecretKey);
        socket.ZapDomain = barrier is null ? _domain : ZapHandler.Shared.Register(this, barrier);
        ZapHandler.Shared.Watch(socket, this, observer);
    }


    /// <summary>
    /// Re-reads <c>authorizedClients</c>: new handshakes and every message from now on are checked against the new list.
    /// A file that cannot be read is logged and admits nobody; a missing folder admits nobody.
    /// </summary>
    public void Reload()
    {
        AuthorizedClients clients;
        try
        {
            clients = AuthorizedClients.Load(_settings.AuthorizedClients);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            _log.Error("Cannot read authorizedClients '{Folder:l}': {Reason:l}; no client is admitted until it can be read", _settings.AuthorizedClients, ex.Message);
            _clients = AuthorizedClients.Empty;
            return;
        }
        foreach (var problem in clients.Problems)
            _log.Error("authorizedClients: {Problem:l}", problem);
        _clients = clients;
        _log.Information("Reloaded authorizedClients from {Folder:l}: {Count} client keys", _settings.AuthorizedClients, clients.Count);
    }

    /// <summary>
    /// Counts a refused handshake and logs it: the first of each <paramref name="kind"/> at once, then at most one line
    /// per kind and <see cref="ReportWindow"/>, saying how many were refused in between.
    /// </summary>
    public void Refused(HandshakeRefusal kind, string address, string reason)
    {
        _refused();
        if (!_warnings[(int)kind].TryWarn(out var suppressed))
            return;

        var text = ControlCharacters.Escape(reason);
        if (suppressed > 0)
            _log.Warning("Refused a connection from {Address:l}: {Reason:l} ({Suppressed} more refused since the last warning)", address, text, suppressed);
        else
            _log.Warning("Refused a connection from {Address:l}: {Reason:l}", address, text);
    }

    /// <summary>From now on this collector's domain admits nobody.</summary>
    public void Dispose() => ZapHandler.Shared.Unregister(_domain);
}
