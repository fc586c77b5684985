using Distlog.Clef;
using Distlog.Rendering;

namespace Distlog.Cli.Input;

/// <summary>
/// Reads CLEF lines into events, validating each with <see cref="ClefReader"/> and treating bad lines
/// as the <see cref="InvalidDataMode"/> says. Blank lines are skipped. Not thread-safe.
/// </summary>
sealed class ClefEventReader
{
    readonly InvalidDataMode _mode;
    readonly TextWriter _error;
    readonly string _source;

    /// <summary>Creates a reader; <paramref name="source"/> names the input in messages (a path or <c>stdin</c>).</summary>
    public ClefEventReader(InvalidDataMode mode, TextWriter error, string source)
    {
        _mode = mode;
        _error = error;
        _source = source;
    }

    /// <summary>Lines skipped as invalid so far (modes <c>ignore</c> and <c>report</c>).</summary>
    public long InvalidLines { get; private set; }

    /// <summary>The valid events of <paramref name="stream"/> in order. In <see cref="InvalidDataMode.Fail"/> a bad line
    /// throws a <see cref="CliException"/> naming the input, the line and the reason.</summary>
    public IEnumerable<ClefRecord> Read(Stream stream)
    {
        foreach (var line in new ClefLineReader(stream).ReadLines())
        {
            if (line.IsBlank)
                continue;

            if (TryRead(line, out var record))
                yield return record;
        }
    }

    bool TryRead(ClefLine line, out ClefRecord record)
    {
        record = null!;
        string? reason;
        if (line.TooLong)
            reason = $"the line is longer than {ClefLineReader.DefaultMaxLineBytes} bytes";
        else if (ClefReader.TryRead(line.Bytes.Span, out var logEvent, out reason))
        {
            record = new ClefRecord(logEvent, line.Bytes);
            return true;
        }

        var message = $"{_source} line {line.Number} is not valid CLEF: {reason}";
        switch (_mode)
        {
            case InvalidDataMode.Fail:
                throw new CliException(message);
            case InvalidDataMode.Report:
                _error.WriteLine(ControlCharacters.Escape(message));
                break;
        }

        InvalidLines++;
        return false;
    }
}
