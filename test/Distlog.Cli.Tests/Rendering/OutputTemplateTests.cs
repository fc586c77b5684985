using Distlog.Cli.Rendering;

namespace Distlog.Cli.Tests.Rendering;

public sealed class OutputTemplateTests
{
    [Test]
    public void TheDefaultTemplateParsesIntoItsHoles()
    {
        var kinds = OutputTemplate.Parse(OutputTemplate.Default).Tokens.Select(t => t.Kind);
        Assert.That(kinds, Is.EqualTo(new[]
        {
            TemplateTokenKind.Text, TemplateTokenKind.Timestamp, TemplateTokenKind.Text, TemplateTokenKind.Level,
            TemplateTokenKind.Text, TemplateTokenKind.Message, TemplateTokenKind.TaskStatus, TemplateTokenKind.NewLine, TemplateTokenKind.Exception,
        }));
    }

    [Test]
    public void DoubledBracesAreLiteralBraces()
    {
        var tokens = OutputTemplate.Parse("{{{@m}}}").Tokens;
        Assert.That(tokens.Select(t => t.Text), Is.EqualTo(new[] { "{", "@m", "}" }));
    }

    [Test]
    public void AlignmentAndFormatAreParsed()
    {
        var token = OutputTemplate.Parse("{Elapsed,-8:0.00}").Tokens.Single();
        Assert.That(token, Is.EqualTo(new TemplateToken(TemplateTokenKind.Property, "Elapsed", "0.00", -8)));
    }

    [TestCase("{@m", "unclosed")]
    [TestCase("@m}", "lone")]
    [TestCase("{@l:x9}", "level format")]
    [TestCase("{@q}", "unknown hole")]
    [TestCase("{@m,wide}", "alignment")]
    public void MalformedTemplatesAreUsageErrorsThatSayWhy(string template, string why)
    {
        var ex = Assert.Throws<CliException>(() => OutputTemplate.Parse(template));
        Assert.That(ex!.Message, Does.Contain(why));
        Assert.That(ex.ExitCode, Is.EqualTo(ExitCodes.Usage));
    }
}
