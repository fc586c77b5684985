using System.Text;

namespace Distlog.Cli;

/// <summary>
/// The streams a command reads and writes. Commands never touch <see cref="Console"/> directly, so the
/// whole command line can run in a test against memory streams.
/// </summary>
/// <param name="Input">Standard input, read when the input argument is <c>-</c> or absent.</param>
/// <param name="Output">Standard output as bytes: CLEF is written here unchanged.</param>
/// <param name="Error">Standard error: the one-line failure message and <c>--invalid-data report</c> lines.</param>
/// <param name="IsOutputRedirected">True where standard output is a file or a pipe rather than a terminal.</param>
sealed record CliConsole(Stream Input, Stream Output, TextWriter Error, bool IsOutputRedirected)
{
    /// <summary>UTF-8 without a byte order mark: what every output of distlog is written in.</summary>
    public static readonly Encoding Utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);

    /// <summary>True where text output may carry ANSI colours: a terminal, and no <c>NO_COLOR</c> in the environment.</summary>
    public bool UseColour => !IsOutputRedirected && string.IsNullOrEmpty(Environment.GetEnvironmentVariable("NO_COLOR"));

    /// <summary>The process's own standard streams.</summary>
    public static CliConsole FromProcess()
    {
        var error = new StreamWriter(Console.OpenStandardError(), Utf8) { AutoFlush = true, NewLine = "\n" };
        return new CliConsole(Console.OpenStandardInput(), Console.OpenStandardOutput(), error, Console.IsOutputRedirected);
    }

    /// <summary>A text writer over <see cref="Output"/>: UTF-8, <c>\n</c> line ends; the caller flushes.</summary>
    public TextWriter CreateOutputWriter() => new StreamWriter(Output, Utf8, bufferSize: 16 * 1024, leaveOpen: true) { NewLine = "\n" };
}
