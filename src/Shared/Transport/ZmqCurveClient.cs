namespace Distlog.Transport;

/// <summary>
/// What a client socket needs to speak CURVE to a collector: the server's public key and the client's own secret
/// certificate. Immutable; <c>ApplyTo</c> may be called for every socket the client opens.
/// </summary>
/// <param name="ServerKey">The collector's public key, Z85.</param>
/// <param name="Certificate">The client's secret certificate.</param>
sealed partial record ZmqCurveClient(string ServerKey, ZmqCertificate Certificate)
{
    /// <summary>
    /// Loads the client side. <paramref name="serverKey"/> is the collector's public key (40 Z85 characters) or the path
    /// of its public certificate; <paramref name="certificatePath"/> is this client's secret certificate
    /// (<c>NAME_secret</c>; for <c>NAME</c>, <c>NAME_secret</c> is read where it exists, as czmq does).
    /// </summary>
    /// <exception cref="ArgumentException">One is given without the other.</exception>
    /// <exception cref="IOException">A file cannot be read.</exception>
    /// <exception cref="InvalidDataException">A file is not a certificate, or the client's has no secret key.</exception>
    public static ZmqCurveClient? Load(string? serverKey, string? certificatePath)
    {
        if (string.IsNullOrWhiteSpace(serverKey) && string.IsNullOrWhiteSpace(certificatePath))
        {
            return null;
        }

        if (string.IsNullOrWhiteSpace(serverKey) || string.IsNullOrWhiteSpace(certificatePath))
        {
            throw new ArgumentException(
                "CURVE needs both the collector's public key (serverKey, --server-key) and this client's secret certificate (clientCertificate, --certificate); give both or neither.");
        }

        // A path can look like a key (40 characters of the Z85 alphabet): a file that exists wins.
        var server = ZmqCertificate.IsKey(serverKey) && !File.Exists(serverKey) ? serverKey : ZmqCertificate.Load(serverKey).PublicKey;
        var path = !certificatePath.EndsWith(ZmqCertificate.SecretSuffix, StringComparison.Ordinal) && File.Exists(certificatePath + ZmqCertificate.SecretSuffix)
            ? certificatePath + ZmqCertificate.SecretSuffix
            : certificatePath;
        var certificate = ZmqCertificate.Load(path);
        if (certificate.SecretKey is null)
        {
            throw new InvalidDataException($"{path}: a public certificate; a client needs its secret one ({Path.GetFileName(path)}{ZmqCertificate.SecretSuffix}, as written by distlog keygen).");
        }

        return new ZmqCurveClient(server, certificate);
    }

    /// <summary>Makes <paramref name="socket"/> a CURVE client of the collector. Call before connecting.</summary>
    public void ApplyTo(ZmqSocket socket) => socket.SetCurveKeys(ServerKey, Certificate.PublicKey, Certificate.SecretKey!);

    /// <summary>Names the keys that are public only.</summary>
    public override string ToString() => $"CURVE client {Certificate.PublicKey} of server {ServerKey}";
}
