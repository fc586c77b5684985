using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Distlog.Transport;

namespace Distlog.Collector.Security;

/// <summary>
/// One client admitted by <c>authorizedClients</c>: its public key, the <c>ClientName</c> its events carry (the
/// certificate's <c>name</c> metadata, else the key), and the applications it may write (its <c>applications</c>
/// metadata, comma-separated; null = any). Immutable.
/// </summary>
sealed class AuthorizedClient
{
    public const string ApplicationsKey = "applications";
    public const string ClientNameProperty = "ClientName";
    static readonly JsonSerializerOptions Relaxed = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public AuthorizedClient(ZmqCertificate certificate, string source)
    {
        PublicKey = certificate.PublicKey;
        Source = source;
        Name = certificate.Meta(ZmqCertificate.NameKey) is { Length: > 0 } name ? name : certificate.PublicKey;
        if (certificate.Meta(ApplicationsKey) is { } applications)
            Applications = applications.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.Ordinal);
        // What is inserted before the closing brace of each of its CLEF lines.
        NameProperty = Encoding.UTF8.GetBytes($",\"{ClientNameProperty}\":{JsonSerializer.Serialize(Name, Relaxed)}");
    }

    public string PublicKey { get; }

    /// <summary>The certificate file it was read from.</summary>
    public string Source { get; }

    public string Name { get; }

    /// <summary>The applications it may write; null where its certificate does not restrict them.</summary>
    public IReadOnlySet<string>? Applications { get; }

    /// <summary><c>,"ClientName":"..."</c> in UTF-8, JSON-escaped.</summary>
    public byte[] NameProperty { get; }

    /// <summary>Whether it may write events of <paramref name="application"/> (an event without one only where unrestricted).</summary>
    public bool MayWrite(string? application) => Applications is null || application is not null && Applications.Contains(application);
}
