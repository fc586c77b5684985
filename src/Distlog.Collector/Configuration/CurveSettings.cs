namespace Distlog.Collector.Configuration;

/// <summary>
/// <c>security.curve</c>: the collector's secret certificate (czmq's <c>zcert_save</c> format) and the folder of the
/// public certificates of the clients it admits. Both paths are checked to exist when the YAML is read, relative to the
/// working directory; the certificates themselves are read where CURVE is applied to the sockets.
/// </summary>
/// <param name="ServerCertificate"><c>serverCertificate</c>: a file, e.g. <c>keys/distlogd_secret</c>.</param>
/// <param name="AuthorizedClients"><c>authorizedClients</c>: a folder, e.g. <c>keys/clients</c>.</param>
/// <param name="Location">Where <c>curve</c> is written, for errors found later.</param>
internal sealed record CurveSettings(string ServerCertificate, string AuthorizedClients, ConfigLocation Location);
