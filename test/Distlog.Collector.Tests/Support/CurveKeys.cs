using Distlog.Transport;

namespace Distlog.Collector.Tests.Support;

/// <summary>
/// Certificates in a test's folder, as <c>distlog keygen</c> writes them: <c>keys/distlogd</c> (+ <c>_secret</c>) for
/// the collector and <c>keys/clients/</c> for the admitted clients' public certificates.
/// </summary>
sealed class CurveKeys
{
    public const string Yaml = "security:\n  curve:\n    serverCertificate: keys/distlogd_secret\n    authorizedClients: keys/clients\n";

    readonly TempFolder _folder;

    public CurveKeys(TempFolder folder)
    {
        _folder = folder;
        Directory.CreateDirectory(folder.Combine("keys", "clients"));
        Server = ZmqCertificate.Generate([new("name", "distlogd")]);
        Server.Save(folder.Combine("keys", "distlogd"));
    }

    public ZmqCertificate Server { get; }

    /// <summary>A client's pair, written to <c>keys/NAME</c>; admitted (its public certificate in <c>keys/clients</c>) unless told.</summary>
    public ZmqCurveClient Client(string name, string? applications = null, bool admitted = true, bool named = true)
    {
        var metadata = new List<KeyValuePair<string, string>>();
        if (named)
            metadata.Add(new("name", name));
        if (applications is not null)
            metadata.Add(new("applications", applications));
        var path = _folder.Combine("keys", name);
        ZmqCertificate.Generate(metadata).Save(path);
        if (admitted)
            File.Copy(path, ClientPath(name));
        return ZmqCurveClient.Load(Server.PublicKey, path + ZmqCertificate.SecretSuffix)!;
    }

    /// <summary>Where the public certificate of an admitted client lies.</summary>
    public string ClientPath(string name) => _folder.Combine("keys", "clients", name);

    /// <summary>A client that speaks CURVE to a server with another key.</summary>
    public static ZmqCurveClient WrongServer(ZmqCurveClient client) => client with { ServerKey = ZmqCurveKeyPair.Generate().PublicKey };
}
