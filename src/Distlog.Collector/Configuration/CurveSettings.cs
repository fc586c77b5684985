namespace Distlog.Collector.Configuration;

/// <summary>
/// The <c>security.curve</c> section: the collector's secret certificate and the folder of the public certificates of
/// the clients it admits. With it, every ZeroMQ listener requires CURVE.
/// </summary>
/// <param name="ServerCertificate">The path of the collector's secret certificate (czmq format).</param>
/// <param name="AuthorizedClients">The folder of the clients' public certificates, re-read on SIGHUP.</param>
/// <param name="Location">Where the section is, for errors found when the files are read.</param>
sealed record CurveSettings(string ServerCertificate, string AuthorizedClients, ConfigLocation Location);
