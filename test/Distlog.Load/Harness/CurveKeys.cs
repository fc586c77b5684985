using Distlog.Transport;

namespace Distlog.Load.Harness;

/// <summary>
/// A run's CURVE keys (<c>--curve</c>): the collector's pair, one admitted client's pair, and the YAML
/// <c>security.curve</c> section that names them, written in the run's folder as <c>distlog keygen</c> writes them.
/// </summary>
sealed record CurveKeys(string Yaml, string ServerPublic, string ClientSecret)
{
    public static CurveKeys Write(string directory)
    {
        var clients = Path.Combine(directory, "clients");
        Directory.CreateDirectory(clients);
        ZmqCertificate.Generate([new("name", "distlogd")]).Save(Path.Combine(directory, "distlogd"));
        ZmqCertificate.Generate([new("name", "producer")]).Save(Path.Combine(directory, "producer"));
        File.Copy(Path.Combine(directory, "producer"), Path.Combine(clients, "producer"));
        return new CurveKeys(
            "security:\n  curve:\n    serverCertificate: distlogd_secret\n    authorizedClients: clients\n",
            Path.Combine(directory, "distlogd"),
            Path.Combine(directory, "producer_secret"));
    }
}
