using YamlDotNet.RepresentationModel;

namespace Distlog.Collector.Configuration;

/// <summary>Reads the <c>security</c> section: <c>allowInsecure</c> and <c>curve</c> { <c>serverCertificate</c>,
/// <c>authorizedClients</c> }.</summary>
static class SecuritySettingsReader
{
    public static SecuritySettings Read(YamlReader reader, YamlNode node, string path)
    {
        var settings = SecuritySettings.Default;
        foreach (var (name, key, value) in reader.Entries(reader.Mapping(node, path), path, "allowInsecure", "curve"))
        {
            settings = name switch
            {
                "allowInsecure" => settings with { AllowInsecure = reader.Boolean(value, key) },
                _ => settings with { Curve = ReadCurve(reader, value, key) },
            };
        }
        return settings;
    }

    static CurveSettings ReadCurve(YamlReader reader, YamlNode node, string path)
    {
        string? certificate = null, clients = null;
        foreach (var (name, key, value) in reader.Entries(reader.Mapping(node, path), path, "serverCertificate", "authorizedClients"))
        {
            var text = reader.Scalar(value, key);
            if (name == "serverCertificate")
            {
                if (!File.Exists(text))
                    throw reader.Error(value, key, $"'{text}' is not a file; give the collector's secret certificate (distlog keygen NAME writes NAME_secret)");
                certificate = text;
            }
            else
            {
                if (!Directory.Exists(text))
                    throw reader.Error(value, key, $"'{text}' is not a folder; give the folder of the clients' public certificates");
                clients = text;
            }
        }
        if (certificate is null)
            throw reader.Error(node, path + ".serverCertificate", "CURVE needs the collector's secret certificate");
        if (clients is null)
            throw reader.Error(node, path + ".authorizedClients", "CURVE needs the folder of the clients' public certificates");
        return new CurveSettings(certificate, clients, reader.At(node));
    }
}
