namespace Distlog.Cli.Input;

/// <summary>Opens the <c>[FILE|-]</c> argument of <c>send</c>, <c>print</c> and <c>tree</c>.</summary>
internal static class InputFile
{
    /// <summary>The argument value that means standard input, as with most Unix tools.</summary>
    public const string StandardInput = "-";

    /// <summary>The name used in messages: the path, or <c>stdin</c>.</summary>
    public static string DisplayName(string? path) => IsStandardInput(path) ? "stdin" : path!;

    /// <summary>True for <c>-</c> or no argument.</summary>
    public static bool IsStandardInput(string? path) => string.IsNullOrEmpty(path) || path == StandardInput;

    /// <summary>Opens the file for reading, or returns <paramref name="standardInput"/> for <c>-</c>;
    /// a file that cannot be opened is a <see cref="CliException"/> naming it and the reason.</summary>
    public static Stream Open(string? path, Stream standardInput)
    {
        if (IsStandardInput(path))
            return standardInput;

        try
        {
            return new FileStream(path!, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, bufferSize: 1, FileOptions.SequentialScan);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new CliException($"cannot read '{path}': {Describe(ex)}", ExitCodes.Failure, ex);
        }
    }

    static string Describe(Exception ex) => ex switch
    {
        FileNotFoundException or DirectoryNotFoundException => "no such file",
        UnauthorizedAccessException => "permission denied",
        _ => ex.Message,
    };
}
