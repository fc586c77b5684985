using Distlog.Transport;

namespace Distlog.Serilog.Tests.Transport;

public sealed class ZmqCertificateTests
{
    // A pair made by pyzmq's zmq.curve_keypair(), in the text czmq's zcert_save writes (zconfig: comments, a blank
    // line, then sections with children indented by four spaces and every value in double quotes).
    const string PublicKey = "%6F6A-.7SqY@k?{fC?5y<KjNi^G3AKU^aSc=]BD^";
    const string SecretKey = "yjJ01IG@}GrK<I9aSg9{/S?xf{f^[BJw-@sDy/]5";

    const string CzmqSecret = $"""
        #   ****  Generated on 2024-05-02 10:11:12 by CZMQ  ****
        #   ZeroMQ CURVE **Secret** Certificate
        #   DO NOT PROVIDE THIS FILE TO OTHER USERS nor change its permissions.

        metadata
            name = "orders-svc"
            applications = "orders,billing"
        curve
            public-key = "{PublicKey}"
            secret-key = "{SecretKey}"

        """;

    const string CzmqPublic = $"""
        #   ****  Generated on 2024-05-02 10:11:12 by CZMQ  ****
        #   ZeroMQ CURVE Public Certificate
        #   Exchange securely, or use a secure mechanism to verify the contents
        #   of this file after exchange. Store public certificates in your home
        #   directory, in the .curve subdirectory.

        metadata
        curve
            public-key = "{PublicKey}"

        """;

    TempFolder _temp = null!;

    [SetUp]
    public void CreateFolder() => _temp = new TempFolder();

    [TearDown]
    public void DeleteFolder() => _temp.Dispose();

    [Test]
    public void ASecretCertificateWrittenAsCzmqWritesItLoadsWithItsKeysAndMetadata()
    {
        var path = Write("orders_secret", CzmqSecret);

        var certificate = ZmqCertificate.Load(path);

        Assert.That(certificate.PublicKey, Is.EqualTo(PublicKey));
        Assert.That(certificate.SecretKey, Is.EqualTo(SecretKey));
        Assert.That(certificate.Meta("name"), Is.EqualTo("orders-svc"));
        Assert.That(certificate.Meta("applications"), Is.EqualTo("orders,billing"));
        Assert.That(certificate.ToString(), Does.Not.Contain(SecretKey));
    }

    [Test]
    public void APublicCertificateWrittenAsCzmqWritesItLoadsWithoutASecretKey()
    {
        var certificate = ZmqCertificate.Load(Write("orders", CzmqPublic));

        Assert.That(certificate.PublicKey, Is.EqualTo(PublicKey));
        Assert.That(certificate.SecretKey, Is.Null);
        Assert.That(certificate.Metadata, Is.Empty);
    }

    [Test]
    public void ZplVariantsLoadToo()
    {
        // Single quotes, unquoted values, trailing comments and CRLF line ends are ZPL as well.
        var text = $"metadata\r\n    name = 'orders \"eu\"'   # a comment\r\n    team = ops\r\ncurve\r\n    public-key = \"{PublicKey}\"\r\n";

        var certificate = ZmqCertificate.Parse(text, "variant");

        Assert.That(certificate.Meta("name"), Is.EqualTo("orders \"eu\""));
        Assert.That(certificate.Meta("team"), Is.EqualTo("ops"));
        Assert.That(certificate.PublicKey, Is.EqualTo(PublicKey));
    }

    [Test]
    public void SavedPairsLoadBackAndTheSecretFileIsForItsOwnerOnly()
    {
        var generated = ZmqCertificate.Generate([new("name", "billing \"eu\""), new("applications", "billing")]);
        var path = Path.Combine(_temp.Path, "billing");

        generated.Save(path);

        var publicOne = ZmqCertificate.Load(path);
        var secretOne = ZmqCertificate.Load(path + ZmqCertificate.SecretSuffix);
        Assert.That(publicOne.PublicKey, Is.EqualTo(generated.PublicKey));
        Assert.That(publicOne.SecretKey, Is.Null);
        Assert.That(File.ReadAllText(path), Does.Not.Contain(generated.SecretKey!));
        Assert.That(secretOne.SecretKey, Is.EqualTo(generated.SecretKey));
        Assert.That(secretOne.Meta("name"), Is.EqualTo("billing \"eu\""));
        Assert.That(publicOne.Meta("applications"), Is.EqualTo("billing"));
        if (!OperatingSystem.IsWindows())
            Assert.That(File.GetUnixFileMode(path + ZmqCertificate.SecretSuffix), Is.EqualTo(UnixFileMode.UserRead | UnixFileMode.UserWrite));
    }

    [Test]
    public void AnExistingSecretFileIsNarrowedToItsOwnerWhenReplaced()
    {
        if (OperatingSystem.IsWindows())
            Assert.Ignore("file modes are POSIX");
        else
        {
            var path = Path.Combine(_temp.Path, "app");
            File.WriteAllText(path + ZmqCertificate.SecretSuffix, "old");
            File.SetUnixFileMode(path + ZmqCertificate.SecretSuffix, (UnixFileMode)0b110_110_110);

            ZmqCertificate.Generate([]).Save(path);

            Assert.That(File.GetUnixFileMode(path + ZmqCertificate.SecretSuffix), Is.EqualTo(UnixFileMode.UserRead | UnixFileMode.UserWrite));
        }
    }

    [TestCase("metadata\ncurve\n    public-key = \"short\"\n", "needs curve/public-key")]
    [TestCase("hello world\n", "not a czmq certificate")]
    [TestCase("curve\n  public-key = \"x\"\n", "indent by 4 spaces")]
    [TestCase("curve\n    public-key = \"unclosed\n", "no closing")]
    public void AFileThatIsNotACertificateIsRefusedNamingItAndWhy(string text, string reason)
    {
        var path = Write("broken", text);

        var error = Assert.Throws<InvalidDataException>(() => ZmqCertificate.Load(path))!;

        Assert.That(error.Message, Does.StartWith(path).And.Contain(reason));
    }

    [Test]
    public void ASecretKeyThatDoesNotBelongToThePublicKeyIsRefused()
    {
        var other = ZmqCurveKeyPair.Generate();
        var path = Write("mixed_secret", CzmqSecret.Replace(SecretKey, other.SecretKey, StringComparison.Ordinal));

        var error = Assert.Throws<InvalidDataException>(() => ZmqCertificate.Load(path))!;

        Assert.That(error.Message, Does.Contain("does not belong"));
    }

    [Test]
    public void KeysFromAZapRequestEncodeToTheirZ85Text()
    {
        var pair = ZmqCurveKeyPair.Generate();

        Assert.That(ZmqCertificate.PublicKeyOf(pair.SecretKey), Is.EqualTo(pair.PublicKey));
        Assert.That(ZmqCertificate.EncodeKey(Z85Decode(pair.PublicKey)), Is.EqualTo(pair.PublicKey));
    }

    string Write(string name, string text)
    {
        var path = Path.Combine(_temp.Path, name);
        File.WriteAllText(path, text);
        return path;
    }

    static byte[] Z85Decode(string text)
    {
        const string alphabet = "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ.-:+=^!/*?&<>()[]{}@%$#";
        var bytes = new byte[text.Length / 5 * 4];
        for (var block = 0; block < text.Length / 5; block++)
        {
            uint value = 0;
            for (var i = 0; i < 5; i++)
                value = value * 85 + (uint)alphabet.IndexOf(text[block * 5 + i]);
            bytes[block * 4] = (byte)(value >> 24);
            bytes[block * 4 + 1] = (byte)(value >> 16);
            bytes[block * 4 + 2] = (byte)(value >> 8);
            bytes[block * 4 + 3] = (byte)value;
        }
        return bytes;
    }
}
