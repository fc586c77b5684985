namespace Distlog.Cli.Input;

/// <summary>Opens the <c>[FILE|-]</c> argument of <c>send</c> and the <c>[FILE...|-]</c> of <c>print</c> and <c>tree</c>.</summary>
static class InputFile
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

    /// <summary>The events of each file in turn (standard input for <c>-</c>); each file is opened when its turn comes,
    /// and a line that is not CLEF is named with its own file.</summary>
    public static IEnumerable<ClefRecord> ReadAll(IReadOnlyList<string> paths, InvalidDataMode mode, CliConsole console)
    {
        foreach (var path in paths)
        {
            var reader = new ClefEventReader(mode, console.Error, DisplayName(path));
            var input = Open(path, console.Input);
            try
            {
                foreach (var record in reader.Read(input))
                    yield return record;
            }
            finally
            {
                if (input != console.Input)
                    input.Dispose();
            }
        }
    }

    static string Describe(Exception ex) => ex switch
    {
        FileNotFoundException or DirectoryNotFoundException => "no such file",
        UnauthorizedAccessException => "permission denied",
        _ => ex.Message,
    };
}
