using Distlog.Transport;

namespace Distlog.Collector.Security;

/// <summary>
/// The allow-list: every certificate in the <c>authorizedClients</c> folder, by public key. Immutable: a reload builds a
/// new one. Read on the ZAP thread (is this key admitted?) and the ingest thread (who sent this message?).
/// </summary>
sealed class AuthorizedClients
{
    readonly Dictionary<string, AuthorizedClient> _byKey;
    readonly Dictionary<string, AuthorizedClient>.AlternateLookup<ReadOnlySpan<char>> _bySpan;

    AuthorizedClients(Dictionary<string, AuthorizedClient> byKey, IReadOnlyList<string> problems)
    {
        _byKey = byKey;
        _bySpan = byKey.GetAlternateLookup<ReadOnlySpan<char>>();
        Problems = problems;
    }

    public static AuthorizedClients Empty { get; } = new([], []);

    public int Count => _byKey.Count;

    /// <summary>The files that could not be read, each with its reason; they admit nobody.</summary>
    public IReadOnlyList<string> Problems { get; }

    /// <summary>
    /// Reads every file of <paramref name="folder"/> (not its subfolders; names starting with <c>.</c> are skipped) as a
    /// czmq certificate; a file that is not one is listed in <see cref="Problems"/>. A <c>_secret</c> file counts for its
    /// public key, as czmq's certificate store counts it, but has no place there: it is listed as a problem too (which
    /// stops start-up; on a reload it is logged, and its key admitted).
    /// </summary>
    /// <exception cref="DirectoryNotFoundException">The folder does not exist.</exception>
    public static AuthorizedClients Load(string folder)
    {
        var byKey = new Dictionary<string, AuthorizedClient>(StringComparer.Ordinal);
        var problems = new List<string>();
        foreach (var path in Directory.GetFiles(folder).Order(StringComparer.Ordinal))
        {
            if (Path.GetFileName(path).StartsWith('.'))
                continue;
            try
            {
                var certificate = ZmqCertificate.Parse(File.ReadAllText(path), path);
                if (certificate.SecretKey is not null)
                    problems.Add($"{path}: a secret certificate; only public ones belong in authorizedClients (put the public one there, and keep the secret with its owner)");
                byKey.TryAdd(certificate.PublicKey, new AuthorizedClient(certificate, path));
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or InvalidDataException)
            {
                problems.Add(ex is InvalidDataException ? ex.Message : $"{path}: {ex.Message}");
            }
        }
        return new AuthorizedClients(byKey, problems);
    }

    public AuthorizedClient? Find(string publicKey) => _byKey.GetValueOrDefault(publicKey);

    /// <summary>The client of a Z85 key given as ASCII bytes (a message's <c>User-Id</c>), without allocating.</summary>
    public AuthorizedClient? Find(ReadOnlySpan<byte> publicKey)
    {
        if (publicKey.Length != 40)
            return null;
        Span<char> key = stackalloc char[40];
        for (var i = 0; i < key.Length; i++)
            key[i] = (char)publicKey[i];
        return _bySpan.TryGetValue(key, out var client) ? client : null;
    }
}
