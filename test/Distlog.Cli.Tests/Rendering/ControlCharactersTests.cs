using Distlog.Rendering;

namespace Distlog.Cli.Tests.Rendering;

public sealed class ControlCharactersTests
{
    [Test]
    public void AnsiEscapeSequencesBecomeVisibleText()
    {
        Assert.That(ControlCharacters.Escape("before\u001b[2Jafter"), Is.EqualTo(@"before\x1B[2Jafter"));
    }

    [Test]
    public void CarriageReturnDeleteAndC1ControlsAreEscaped()
    {
        Assert.That(ControlCharacters.Escape("a\rb\u007fc\u009bd\u0000"), Is.EqualTo(@"a\x0Db\x7Fc\x9Bd\x00"));
    }

    [Test]
    public void LineFeedAndTabAreEscapedUnlessTheCallerKeepsThem()
    {
        Assert.That(ControlCharacters.Escape("a\nb\tc"), Is.EqualTo(@"a\x0Ab\x09c"));
        Assert.That(ControlCharacters.Escape("a\nb\tc\u001b", keepLineFeedAndTab: true), Is.EqualTo("a\nb\tc\\x1B"));
    }

    [Test]
    public void BidirectionalOverridesAndLineSeparatorsAreEscaped()
    {
        Assert.That(ControlCharacters.Escape("x\u202ey\u2028z\u2066"), Is.EqualTo(@"x\u202Ey\u2028z\u2066"));
    }

    [Test]
    public void PlainTextComesBackAsTheSameInstance()
    {
        var text = "Import \"orders.csv\" — ✓ done";
        Assert.That(ControlCharacters.Escape(text), Is.SameAs(text));
    }

    [Test]
    public void WriteEscapesIntoTheWriter()
    {
        var writer = new StringWriter();
        ControlCharacters.Write(writer, "red \u001b[31mtext\u001b[0m");
        Assert.That(writer.ToString(), Is.EqualTo(@"red \x1B[31mtext\x1B[0m"));
    }
}
