using System.Globalization;
using System.Text;

namespace Distlog.Cli.Rendering;

/// <summary>
/// A parsed text layout for <c>--template</c>: a documented subset of clef-tool's <c>--format-template</c>
/// (see <see cref="TemplateTokenKind"/> for the holes). Immutable and thread-safe.
/// </summary>
internal sealed class OutputTemplate
{
    /// <summary>The layout used without <c>--template</c>.</summary>
    public const string Default = "[{@t:HH:mm:ss} {@l:u3}] {@m}{@status}{NewLine}{@x}";

    /// <summary>The timestamp format of a bare <c>{@t}</c>, as in Serilog's output templates.</summary>
    public const string DefaultTimestampFormat = "yyyy-MM-dd HH:mm:ss.fff zzz";

    static readonly string[] LevelFormats = ["u3", "w3", "u", "w"];

    OutputTemplate(string text, IReadOnlyList<TemplateToken> tokens)
    {
        Text = text;
        Tokens = tokens;
    }

    /// <summary>The template as written.</summary>
    public string Text { get; }

    /// <summary>The parsed parts, in order.</summary>
    public IReadOnlyList<TemplateToken> Tokens { get; }

    /// <summary>The template as written, so that help shows the default layout.</summary>
    public override string ToString() => Text;

    /// <summary>Parses a template; a malformed one is a <see cref="CliException"/> naming the position and the fix.</summary>
    public static OutputTemplate Parse(string text)
    {
        var tokens = new List<TemplateToken>();
        var literal = new StringBuilder();
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if ((c == '{' || c == '}') && i + 1 < text.Length && text[i + 1] == c)
            {
                literal.Append(c);
                i++;
                continue;
            }

            if (c == '}')
                throw Error(text, i, "a lone '}' (write '}}' for a brace)");
            if (c != '{')
            {
                literal.Append(c);
                continue;
            }

            var close = text.IndexOf('}', i + 1);
            if (close < 0)
                throw Error(text, i, "an unclosed '{' (write '{{' for a brace)");
            if (literal.Length > 0)
            {
                tokens.Add(new TemplateToken(TemplateTokenKind.Text, literal.ToString()));
                literal.Clear();
            }

            tokens.Add(ParseHole(text, i, text[(i + 1)..close]));
            i = close;
        }

        if (literal.Length > 0)
            tokens.Add(new TemplateToken(TemplateTokenKind.Text, literal.ToString()));
        return new OutputTemplate(text, tokens);
    }

    static TemplateToken ParseHole(string template, int position, string hole)
    {
        var colon = hole.IndexOf(':');
        var format = colon < 0 ? null : hole[(colon + 1)..];
        var head = colon < 0 ? hole : hole[..colon];
        var comma = head.IndexOf(',');
        int? alignment = null;
        if (comma >= 0)
        {
            if (!int.TryParse(head[(comma + 1)..], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var width))
                throw Error(template, position, $"an alignment that is not a number in '{{{hole}}}'");
            alignment = width;
            head = head[..comma];
        }

        var name = head.Trim();
        var kind = name switch
        {
            "@t" => TemplateTokenKind.Timestamp,
            "@l" => TemplateTokenKind.Level,
            "@m" => TemplateTokenKind.Message,
            "@mt" => TemplateTokenKind.MessageTemplate,
            "@x" => TemplateTokenKind.Exception,
            "@tr" => TemplateTokenKind.TraceId,
            "@sp" => TemplateTokenKind.SpanId,
            "@status" => TemplateTokenKind.TaskStatus,
            "NewLine" => TemplateTokenKind.NewLine,
            _ when IsPropertyName(name) => TemplateTokenKind.Property,
            _ => throw Error(template, position, $"an unknown hole '{{{hole}}}'; use @t @l @m @mt @x @tr @sp @status NewLine or a property name"),
        };

        if (kind == TemplateTokenKind.Level && format is not null && !LevelFormats.Contains(format))
            throw Error(template, position, $"the level format '{format}'; use u3, w3, u or w");
        if (kind == TemplateTokenKind.Timestamp && format is not null)
            CheckTimestampFormat(template, position, format);
        return new TemplateToken(kind, name, format, alignment);
    }

    static bool IsPropertyName(string name) =>
        name.Length > 0 && (char.IsLetter(name[0]) || name[0] == '_') && name.All(c => char.IsLetterOrDigit(c) || c is '_' or '.' or '-');

    static void CheckTimestampFormat(string template, int position, string format)
    {
        try
        {
            _ = DateTimeOffset.UnixEpoch.ToString(format, CultureInfo.InvariantCulture);
        }
        catch (FormatException)
        {
            throw Error(template, position, $"the timestamp format '{format}', which .NET cannot use");
        }
    }

    static CliException Error(string template, int position, string what) =>
        new($"the template \"{template}\" has {what} at position {position}", ExitCodes.Usage);
}
