using System.Globalization;
using System.Text;

namespace Distlog.Transport;

/// <summary>
/// A CURVE certificate in czmq's file format (what <c>zcert_save</c> writes, and rsyslog's imczmq and every czmq tool
/// read): a ZPL text with a <c>metadata</c> section (e.g. <c>name</c>, <c>applications</c>) and a <c>curve</c> section
/// with <c>public-key</c> and, in the secret certificate (<c>NAME_secret</c>), <c>secret-key</c>; keys in Z85 (40
/// characters). Immutable.
/// </summary>
sealed class ZmqCertificate
{
    /// <summary>What czmq appends to a certificate's file name for the secret one.</summary>
    public const string SecretSuffix = "_secret";

    /// <summary>The metadata key of a client's name: the <c>ClientName</c> its events carry.</summary>
    public const string NameKey = "name";

    const int KeyLength = 40;
    const string Z85Alphabet = "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ.-:+=^!/*?&<>()[]{}@%$#";

    ZmqCertificate(string publicKey, string? secretKey, IReadOnlyList<KeyValuePair<string, string>> metadata)
    {
        PublicKey = publicKey;
        SecretKey = secretKey;
        Metadata = metadata;
    }

    /// <summary>The public key, Z85.</summary>
    public string PublicKey { get; }

    /// <summary>The secret key, Z85; null in a public certificate.</summary>
    public string? SecretKey { get; }

    /// <summary>The <c>metadata</c> entries, in file order.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Metadata { get; }

    /// <summary>The metadata value of <paramref name="key"/>; null where absent.</summary>
    public string? Meta(string key)
    {
        foreach (var (name, value) in Metadata)
        {
            if (name == key)
            {
                return value;
            }
        }

        return null;
    }

    /// <summary>The key pair of a secret certificate, for a CURVE server socket or a client socket.</summary>
    /// <exception cref="InvalidOperationException">This is a public certificate.</exception>
    public ZmqCurveKeyPair KeyPair => SecretKey is { } secret
        ? new ZmqCurveKeyPair(PublicKey, secret)
        : throw new InvalidOperationException($"The certificate of {PublicKey} is public: it has no secret-key (use the {SecretSuffix} file).");

    /// <summary>A new key pair (<c>zmq_curve_keypair</c>) with <paramref name="metadata"/>.</summary>
    /// <exception cref="ArgumentException">A metadata name is not a ZPL name, or a value holds both quote characters or a line break.</exception>
    public static ZmqCertificate Generate(IReadOnlyList<KeyValuePair<string, string>> metadata)
    {
        foreach (var (name, value) in metadata)
        {
            if (!ZplDocument.IsValidName(name))
            {
                throw new ArgumentException($"'{name}' cannot be a metadata name: use letters, digits and $-_@.&+/", nameof(metadata));
            }

            if (value.Contains('\n') || value.Contains('\r') || (value.Contains('"') && value.Contains('\'')))
            {
                throw new ArgumentException($"The metadata value of '{name}' cannot hold a line break, nor both \" and '.", nameof(metadata));
            }
        }

        var pair = ZmqCurveKeyPair.Generate();
        return new ZmqCertificate(pair.PublicKey, pair.SecretKey, [.. metadata]);
    }

    /// <summary>Reads the certificate file at <paramref name="path"/>, public or secret.</summary>
    /// <exception cref="IOException">The file cannot be read.</exception>
    /// <exception cref="InvalidDataException">It is not a CURVE certificate, or its secret key does not belong to its public key; the message names the file.</exception>
    public static ZmqCertificate Load(string path)
    {
        var certificate = Parse(File.ReadAllText(path), path);
        if (certificate.SecretKey is { } secret && PublicKeyOf(secret) != certificate.PublicKey)
        {
            throw new InvalidDataException($"{path}: curve/secret-key does not belong to curve/public-key; make the pair again with distlog keygen.");
        }

        return certificate;
    }

    /// <summary>Reads a certificate from its text; <paramref name="source"/> names it in errors.</summary>
    /// <exception cref="InvalidDataException">It is not a CURVE certificate.</exception>
    public static ZmqCertificate Parse(string text, string source)
    {
        ZplDocument document;
        try
        {
            document = ZplDocument.Parse(text);
        }
        catch (FormatException ex)
        {
            throw new InvalidDataException($"{source}: not a czmq certificate (ZPL): {ex.Message}", ex);
        }

        var publicKey = document.Value("curve/public-key");
        if (!IsKey(publicKey))
        {
            throw new InvalidDataException($"{source}: not a CURVE certificate: it needs curve/public-key = \"<40 Z85 characters>\", as distlog keygen or czmq's zcert_save writes it.");
        }

        var secretKey = document.Value("curve/secret-key");
        if (secretKey is not null && !IsKey(secretKey))
        {
            throw new InvalidDataException($"{source}: curve/secret-key is not 40 Z85 characters.");
        }

        var metadata = document.Children("metadata").Select(c => KeyValuePair.Create(c.Name, c.Value ?? "")).ToList();
        return new ZmqCertificate(publicKey!, secretKey, metadata);
    }

    /// <summary>True for a Z85 key text: 40 characters of the Z85 alphabet.</summary>
    public static bool IsKey(string? text) => text is { Length: KeyLength } && text.All(c => Z85Alphabet.Contains(c));

    /// <summary>The Z85 text of a binary key (32 bytes, as a ZAP request carries a client's key).</summary>
    /// <exception cref="ArgumentException">The key is not 32 bytes.</exception>
    public static string EncodeKey(ReadOnlySpan<byte> key)
    {
        if (key.Length != 32)
        {
            throw new ArgumentException($"A CURVE key is 32 bytes, not {key.Length}.", nameof(key));
        }

        Span<char> text = stackalloc char[KeyLength];
        for (int block = 0, at = 0; block < key.Length; block += 4)
        {
            uint value = (uint)key[block] << 24 | (uint)key[block + 1] << 16 | (uint)key[block + 2] << 8 | key[block + 3];
            for (int i = 4; i >= 0; i--)
            {
                text[at + i] = Z85Alphabet[(int)(value % 85)];
                value /= 85;
            }

            at += 5;
        }

        return new string(text);
    }

    /// <summary>The public key that belongs to a Z85 secret key (<c>zmq_curve_public</c>; NetMQ's where libzmq is not installed).</summary>
    public static unsafe string PublicKeyOf(string secretKey)
    {
        if (!LibZmqLoader.TryEnsureLoaded(out _))
        {
            return NetMQ.NetMQCertificate.CreateFromSecretKey(secretKey).PublicKeyZ85;
        }

        byte* publicKey = stackalloc byte[KeyLength + 1];
        byte* secret = stackalloc byte[KeyLength + 1];
        secret[KeyLength] = 0;
        Encoding.ASCII.GetBytes(secretKey, new Span<byte>(secret, KeyLength));
        if (LibZmq.zmq_curve_public(publicKey, secret) != 0)
        {
            throw ZmqException.FromError(LibZmq.LastError(), "Cannot derive a CURVE public key");
        }

        return Encoding.ASCII.GetString(publicKey, KeyLength);
    }

    /// <summary>
    /// Writes the public certificate to <paramref name="path"/> and, where this one has a secret key, the secret one to
    /// <paramref name="path"/><c>_secret</c> with mode 0600 (owner only) from its creation on, as <c>zcert_save</c> does.
    /// </summary>
    public void Save(string path)
    {
        File.WriteAllText(path, ToText(secret: false, DateTime.Now));
        if (SecretKey is null)
        {
            return;
        }

        var options = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        using (var stream = new FileStream(path + SecretSuffix, options))
        using (var writer = new StreamWriter(stream, new UTF8Encoding(false)))
        {
            writer.Write(ToText(secret: true, DateTime.Now));
        }

        // UnixCreateMode applies to a new file only (and the umask may narrow it): an existing one is narrowed here.
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path + SecretSuffix, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
    }

    /// <summary>The file text czmq writes: its comment header, <c>metadata</c>, <c>curve</c>.</summary>
    public string ToText(bool secret, DateTime generated)
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"#   ****  Generated on {generated:yyyy-MM-dd HH:mm:ss} by distlog keygen  ****\n");
        if (secret)
        {
            text.Append("#   ZeroMQ CURVE **Secret** Certificate\n");
            text.Append("#   DO NOT PROVIDE THIS FILE TO OTHER USERS nor change its permissions.\n");
        }
        else
        {
            text.Append("#   ZeroMQ CURVE Public Certificate\n");
            text.Append("#   Exchange securely, or use a secure mechanism to verify the contents\n");
            text.Append("#   of this file after exchange. Store public certificates in your home\n");
            text.Append("#   directory, in the .curve subdirectory.\n");
        }

        text.Append("\nmetadata\n");
        foreach (var (name, value) in Metadata)
        {
            var quote = value.Contains('"') ? '\'' : '"';
            text.Append(CultureInfo.InvariantCulture, $"    {name} = {quote}{value}{quote}\n");
        }

        text.Append("curve\n");
        text.Append(CultureInfo.InvariantCulture, $"    public-key = \"{PublicKey}\"\n");
        if (secret)
        {
            text.Append(CultureInfo.InvariantCulture, $"    secret-key = \"{SecretKey}\"\n");
        }

        return text.ToString();
    }

    /// <summary>Names the public key only, so that logging a certificate never leaks the secret.</summary>
    public override string ToString() => $"CURVE certificate {PublicKey}";
}
