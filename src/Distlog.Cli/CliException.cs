namespace Distlog.Cli;

/// <summary>
/// A failure the user can act on (a missing file, an unreachable endpoint, bad input): the command line
/// prints its message as one line on standard error and exits with <see cref="ExitCode"/>.
/// </summary>
sealed class CliException : Exception
{
    /// <summary>Creates the exception with the one-line message the user sees.</summary>
    public CliException(string message, int exitCode = ExitCodes.Failure, Exception? innerException = null)
        : base(message, innerException)
    {
        ExitCode = exitCode;
    }

    /// <summary>The process exit code; <see cref="ExitCodes.Failure"/> unless told.</summary>
    public int ExitCode { get; }
}
