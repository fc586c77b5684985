using System.CommandLine;
using Distlog.Transport;

namespace Distlog.Cli.Commands;

/// <summary>
/// <c>distlog keygen NAME</c>: writes a CURVE certificate pair in czmq's format, <c>NAME</c> (public) and
/// <c>NAME_secret</c> (both keys, mode 0600), and prints the public key.
/// </summary>
sealed class KeygenCommand : Command
{
    readonly CliConsole _console;
    readonly Argument<string> _path = new("NAME") { Description = "The public certificate's path; the secret one is NAME_secret" };
    readonly Option<string?> _name = new("--name")
    {
        Description = "The certificate's name metadata: the ClientName of a client's events (default: its public key)",
        HelpName = "TEXT",
    };
    readonly Option<string?> _applications = new("--applications")
    {
        Description = "The applications a client may write, comma-separated (applications metadata; default: any)",
        HelpName = "A,B",
    };
    readonly Option<bool> _force = new("--force") { Description = "Overwrite NAME and NAME_secret where they exist" };

    /// <summary>Wires the options; the command writes to <paramref name="console"/>.</summary>
    public KeygenCommand(CliConsole console)
        : base("keygen", "Make a CURVE key pair: NAME (public certificate) and NAME_secret (both keys, mode 0600), as czmq's zcert_save writes them")
    {
        _console = console;
        Add(_path);
        Add(_name);
        Add(_applications);
        Add(_force);
        SetAction(Run);
    }

    int Run(ParseResult result)
    {
        var path = result.GetRequiredValue(_path);
        var secretPath = path + ZmqCertificate.SecretSuffix;
        if (!result.GetValue(_force) && (File.Exists(path) || File.Exists(secretPath)))
            throw new CliException($"'{(File.Exists(path) ? path : secretPath)}' exists; choose another NAME, or give --force to replace the pair");

        var metadata = new List<KeyValuePair<string, string>>();
        if (result.GetValue(_name) is { } name)
            metadata.Add(KeyValuePair.Create(ZmqCertificate.NameKey, name));
        if (result.GetValue(_applications) is { } applications)
            metadata.Add(KeyValuePair.Create("applications", applications));

        ZmqCertificate certificate;
        try
        {
            certificate = ZmqCertificate.Generate(metadata);
        }
        catch (ArgumentException ex)
        {
            throw new CliException(ex.Message, ExitCodes.Usage, ex);
        }
        certificate.Save(path);

        using var output = _console.CreateOutputWriter();
        output.WriteLine($"Wrote {path} (public) and {secretPath} (secret, mode 0600); public key {certificate.PublicKey}");
        return ExitCodes.Success;
    }
}
