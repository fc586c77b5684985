using YamlDotNet.RepresentationModel;

namespace Distlog.Collector.Configuration;

/// <summary>Reads the <c>security</c> section's <c>curve</c> mapping; both of its keys are required.</summary>
static class CurveSettingsReader
{
    public static CurveSettings? ReadSecurity(YamlReader reader, YamlNode node, string path)
    {
        CurveSettings? curve = null;
        foreach (var (_, key, value) in reader.Entries(reader.Mapping(node, path), path, "curve"))
            curve = ReadCurve(reader, value, key);
        return curve;
    }

    static CurveSettings ReadCurve(YamlReader reader, YamlNode node, string path)
    {
        string? server = null, clients = null;
        foreach (var (name, key, value) in reader.Entries(reader.Mapping(node, path), path, "serverCertificate", "authorizedClients"))
        {
            if (name == "serverCertificate")
                server = reader.Scalar(value, key);
            else
                clients = reader.Scalar(value, key);
        }
        if (server is null)
            throw reader.Error(node, path + ".serverCertificate", "required: the collector's secret certificate, e.g. keys/distlogd_secret (distlog keygen distlogd writes it)");
        if (clients is null)
            throw reader.Error(node, path + ".authorizedClients", "required: a folder of the clients' public certificates, e.g. keys/clients");
        return new CurveSettings(server, clients, reader.At(node));
    }
}
