using System.Text;

namespace Distlog.Transport;

/// <summary>A CURVE key pair in Z85 text (40 characters each), for a CURVE server socket and <see cref="ZmqSocket.SetCurveKeys"/>.</summary>
/// <param name="PublicKey">Shared with peers.</param>
/// <param name="SecretKey">Kept by its owner.</param>
readonly record struct ZmqCurveKeyPair(string PublicKey, string SecretKey)
{
    /// <summary>Generates a new pair (<c>zmq_curve_keypair</c>; NetMQ's where libzmq is not installed).</summary>
    /// <exception cref="ZmqException">libzmq was built without CURVE support.</exception>
    public static unsafe ZmqCurveKeyPair Generate()
    {
        if (!LibZmqLoader.TryEnsureLoaded(out _))
        {
            var certificate = new NetMQ.NetMQCertificate();
            return new ZmqCurveKeyPair(certificate.PublicKeyZ85, certificate.SecretKeyZ85!);
        }

        byte* publicKey = stackalloc byte[41];
        byte* secretKey = stackalloc byte[41];
        if (LibZmq.zmq_curve_keypair(publicKey, secretKey) != 0)
        {
            throw ZmqException.FromError(LibZmq.LastError(), "Cannot generate a CURVE key pair");
        }

        return new ZmqCurveKeyPair(
            Encoding.ASCII.GetString(publicKey, 40),
            Encoding.ASCII.GetString(secretKey, 40));
    }

    /// <summary>Shows the public key only, so that logging a pair never leaks the secret.</summary>
    public override string ToString() => $"CURVE key pair {PublicKey}";
}
