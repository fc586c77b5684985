namespace Distlog.Cli.Input;

/// <summary>What a command does with a line that is not valid CLEF; the values of <c>--invalid-data</c>, as in clef-tool.</summary>
enum InvalidDataMode
{
    /// <summary>Stop at the first bad line, naming its number and the reason; exit non-zero. The default.</summary>
    Fail,

    /// <summary>Skip bad lines silently.</summary>
    Ignore,

    /// <summary>Skip bad lines and write each one's number and reason to standard error.</summary>
    Report,
}
