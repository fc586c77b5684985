namespace Distlog.Cli;

/// <summary>The exit codes of distlog, documented in docs/cli.md.</summary>
static class ExitCodes
{
    /// <summary>The command did what was asked; also after Ctrl-C ends <c>tail</c>.</summary>
    public const int Success = 0;

    /// <summary>A file, endpoint, store or input line failed; the reason is on standard error.</summary>
    public const int Failure = 1;

    /// <summary>The command line itself was wrong: an unknown option, a bad value, a missing command.</summary>
    public const int Usage = 2;

    /// <summary><c>send</c>, <c>print</c>, <c>tree</c> or <c>query</c> was stopped by Ctrl-C (128 + SIGINT).</summary>
    public const int Interrupted = 130;
}
