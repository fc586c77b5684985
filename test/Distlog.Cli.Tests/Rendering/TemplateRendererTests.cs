using Distlog.Cli.Rendering;
using Distlog.Cli.Tests.Support;

namespace Distlog.Cli.Tests.Rendering;

public sealed class TemplateRendererTests
{
    static string Render(string clefLine, string template, bool colour = false)
    {
        Assert.That(TemplateRenderer.TryParse(template, colour, out var renderer, out var error), Is.True, error);
        var writer = new StringWriter { NewLine = "\n" };
        renderer!.Format(Events.Read(clefLine), writer);
        return writer.ToString();
    }

    [Test]
    public void LevelFormatsTimestampFormatsPropertiesAndTraceIdsRender()
    {
        var line = "{\"@t\":\"2024-05-01T10:11:12.5Z\",\"@mt\":\"m\",\"@l\":\"Error\",\"Elapsed\":1.5,\"User\":\"leo\"," +
            "\"@tr\":\"4bf92f3577b34da6a3ce929d0e0e4736\",\"@sp\":\"00f067aa0ba902b7\"}";
        var text = Render(line, "{@t:yyyy-MM-dd HH:mm:ss.fff}|{@l}|{@l:u3}|{@l:w3}|{User}|{Elapsed:0.00}|{Missing}|{@tr} {@sp}\n");
        Assert.That(text, Is.EqualTo("2024-05-01 10:11:12.500|Error|ERR|err|leo|1.50||4bf92f3577b34da6a3ce929d0e0e4736 00f067aa0ba902b7\n"));
    }

    [Test]
    public void ConditionalsAndFunctionsOfExpressionsWork()
    {
        var line = ClefText.Line("Import {File}", taskKey: $"1@{ClefText.Root}", status: "Failed", properties: [("File", "a.csv")]);
        Assert.That(Render(line, "{#if TaskStatus = 'Failed'}FAILED {#end}{Substring(TaskKey, 0, 1)} {@m}"), Is.EqualTo("FAILED 1 Import a.csv\n"));
    }

    [Test]
    public void ControlCharactersInMessagesPropertiesAndNestedValuesAreEscaped()
    {
        var line = "{\"@t\":\"2024-05-01T10:00:00Z\",\"@mt\":\"\\u001b[2J{Name}\",\"Name\":\"a\\rb\",\"Deep\":{\"List\":[\"\\u009b1\"]},\"@x\":\"E\\u001b\\n  at X\"}";
        var text = Render(line, "{@m}|{@mt}|{Deep}|{@x}");
        Assert.That(text, Is.EqualTo("\\x1B[2Ja\\x0Db|\\x1B[2J{Name}|{\"List\":[\"\\\\x9B1\"]}|E\\x1B\n  at X\n"), "JSON shows the escape's backslash doubled");
    }

    [Test]
    public void OnATerminalTheThemeColoursTheOutput()
    {
        var text = Render(ClefText.Line("x", level: "Error"), "{@l:u3} {@m}", colour: true);
        Assert.That(text.Contains('\u001b', StringComparison.Ordinal), Is.True);
        Assert.That(Render(ClefText.Line("x", level: "Error"), "{@l:u3} {@m}"), Is.EqualTo("ERR x\n"));
    }

    [TestCase("{@m")]
    [TestCase("{#if}")]
    [TestCase("{Nope(}")]
    public void AMalformedTemplateIsRefusedWithTheParsersReason(string template)
    {
        Assert.That(TemplateRenderer.TryParse(template, colour: false, out _, out var error), Is.False);
        Assert.That(error, Is.Not.Empty);
    }
}
