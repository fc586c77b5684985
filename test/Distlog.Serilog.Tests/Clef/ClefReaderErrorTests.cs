using System.Diagnostics;
using System.Text;
using Distlog.Clef;
using Distlog.Serilog.Tests.Support;

namespace Distlog.Serilog.Tests.Clef;

sealed class ClefReaderErrorTests
{
    const string T = "\"@t\":\"2024-01-01T00:00:00Z\"";

    static IEnumerable<TestCaseData> BadLines() =>
    [
        new TestCaseData("", "empty line").SetName("AnEmptyLineIsRejected"),
        new TestCaseData(" \t\r", "empty line").SetName("AWhiteSpaceLineIsRejectedAsEmpty"),
        new TestCaseData("""{"@t":"2024-01-01T00:00:00Z","@mt":"Hel""", "truncated JSON at byte 39").SetName("TruncatedJsonIsRejectedWithTheByteWhereItEnds"),
        new TestCaseData("""{"@t":"2024-01-01T00:00:00Z",""", "truncated JSON at byte 29").SetName("JsonTruncatedBetweenMembersIsRejected"),
        new TestCaseData("""{"@t":"yesterday","@mt":"x"}""", "@t is not an ISO 8601 date: 'yesterday'").SetName("ATimestampThatIsNotADateIsRejected"),
        new TestCaseData("""{"@t":"2023-02-29T00:00:00Z"}""", "@t is not an ISO 8601 date: '2023-02-29T00:00:00Z'").SetName("ATimestampOnADayThatDoesNotExistIsRejected"),
        new TestCaseData("""{"@t":1700000000}""", "@t is not a string").SetName("ANumericTimestampIsRejected"),
        new TestCaseData("""{"@mt":"x"}""", "missing @t").SetName("ALineWithoutATimestampIsRejected"),
        new TestCaseData($$"""{{{T}},"@l":"Loud"}""", "@l 'Loud' is not a level").SetName("AnUnknownLevelIsRejected"),
        new TestCaseData($$"""{{{T}},"@l":"3"}""", "@l '3' is not a level").SetName("ANumericLevelIsRejected"),
        new TestCaseData("[1,2]", "not a JSON object").SetName("AnArrayIsRejectedAsNotAnObject"),
        new TestCaseData("\"text\"", "not a JSON object").SetName("AStringIsRejectedAsNotAnObject"),
        new TestCaseData($$"""{{{T}},"@mt":5}""", "@mt is not a string").SetName("ANonStringTemplateIsRejected"),
        new TestCaseData("{" + T + ""","@x":{"a":1}}""", "@x is not a string").SetName("ANonStringExceptionIsRejected"),
        new TestCaseData($$"""{{{T}},"@r":"x"}""", "@r is not an array of strings").SetName("RenderingsThatAreNotAnArrayAreRejected"),
        new TestCaseData($$"""{{{T}},"@r":[1]}""", "@r is not an array of strings").SetName("RenderingsThatAreNotStringsAreRejected"),
        new TestCaseData($$"""{{{T}},"@tr":"xyz"}""", "@tr is not a 32-digit hex id: 'xyz'").SetName("ATraceIdThatIsNotHexIsRejected"),
        new TestCaseData($$"""{{{T}},"@sp":"0000000000000000"}""", "@sp is not a 16-digit hex id: '0000000000000000'").SetName("AnAllZeroSpanIdIsRejected"),
        new TestCaseData($$"""{{{T}},"A":1} {"B":2}""", "unexpected text after the JSON object at byte 36").SetName("TextAfterTheObjectIsRejected"),
        new TestCaseData($$"""{{{T}},"A" 1}""", "invalid JSON at byte 33: '1' is invalid after a property name. Expected a ':'").SetName("MalformedJsonIsRejectedWithReadersReason"),
        new TestCaseData($$"""{{{T}},"A":"\ud800"}""", "a string at byte 33 is not valid UTF-16 (an unpaired surrogate escape)").SetName("AnEscapedUnpairedSurrogateIsRejected"),
    ];

    [TestCaseSource(nameof(BadLines))]
    public void Rejected(string line, string reason)
    {
        var ex = Assert.Throws<ClefFormatException>(() => ClefReader.Read(line))!;

        Assert.That(ex.Reason, Is.EqualTo(reason));
        Assert.That(ex.LineNumber, Is.Null);
        Assert.That(ex.Message, Is.EqualTo("Invalid CLEF: " + reason));
        Assert.That(ClefReader.TryRead(Encoding.UTF8.GetBytes(line), out var logEvent, out var error), Is.False);
        Assert.That(error, Is.EqualTo(reason));
        Assert.That(logEvent, Is.Null);
    }

    [Test]
    public void InvalidUtf8IsRejectedWithTheByteWhereItStarts()
    {
        var line = Encoding.UTF8.GetBytes("{\"@t\":\"2024-01-01T00:00:00Z\",\"A\":\"x\"}");
        line[35] = 0xFF;

        Assert.That(ClefReader.TryRead(line, out _, out var error), Is.False);
        Assert.That(error, Is.EqualTo("invalid UTF-8 at byte 35"));
    }

    [Test]
    public void NestingToTheBoundIsAcceptedAndOneLevelDeeperIsRejected()
    {
        // The event object is level 1, so 63 arrays reach the bound of 64.
        static string Nested(int arrays) => $$"""{"@t":"2024-01-01T00:00:00Z","A":{{new string('[', arrays)}}{{new string(']', arrays)}}}""";

        Assert.That(ClefReader.TryRead(Encoding.UTF8.GetBytes(Nested(63)), out _, out var error), Is.True, error);
        Assert.That(ClefReader.TryRead(Encoding.UTF8.GetBytes(Nested(64)), out _, out error), Is.False);
        Assert.That(error, Is.EqualTo("nesting deeper than 64 at byte 96"));
    }

    [Test]
    public void NestingFarDeeperThanTheBoundIsRejectedWithoutOverflowingTheStack()
    {
        var line = "{\"@t\":\"2024-01-01T00:00:00Z\",\"A\":" + string.Concat(Enumerable.Repeat("{\"a\":", 100_000));

        Assert.That(ClefReader.TryRead(Encoding.UTF8.GetBytes(line), out _, out var error), Is.False);
        Assert.That(error, Does.StartWith("nesting deeper than 64"));
    }

    [Test]
    public void AHundredThousandPropertiesAreRejectedQuicklyWithAClearReason()
    {
        var line = Encoding.UTF8.GetBytes("{\"@t\":\"2024-01-01T00:00:00Z\"" +
            string.Concat(Enumerable.Range(0, 100_000).Select(i => $",\"P{i}\":{i}")) + "}");
        var stopwatch = Stopwatch.StartNew();

        var read = ClefReader.TryRead(line, out _, out var error);

        Assert.That(read, Is.False);
        Assert.That(error, Is.EqualTo("more than 1000 properties"));
        Assert.That(stopwatch.Elapsed, Is.LessThan(TimeSpan.FromSeconds(1)));
    }

    [Test]
    public void AStructureWithMoreThanAThousandMembersIsRejected()
    {
        var line = "{\"@t\":\"2024-01-01T00:00:00Z\",\"S\":{" + string.Join(",", Enumerable.Range(0, 1001).Select(i => $"\"M{i}\":{i}")) + "}}";

        Assert.That(ClefReader.TryRead(Encoding.UTF8.GetBytes(line), out _, out var error), Is.False);
        Assert.That(error, Does.StartWith("more than 1000 properties in an object at byte "));
    }

    [Test]
    public void AThousandPropertiesAreAccepted()
    {
        var line = "{\"@t\":\"2024-01-01T00:00:00Z\"" + string.Concat(Enumerable.Range(1, 999).Select(i => $",\"P{i}\":{i}")) + "}";

        Assert.That(ClefReader.Read(line).Properties, Has.Count.EqualTo(999));
    }

    [Test]
    public void AReadThatFailsPartWayLeavesNothingBehindForTheNextRead()
    {
        var broken = "{\"@t\":\"2024-01-01T00:00:00Z\",\"A\":1,\"S\":{\"x\":[1,2,{\"y\":3,\"@l\":\"Loud\"";
        Assert.That(ClefReader.TryRead(Encoding.UTF8.GetBytes(broken), out _, out _), Is.False);

        var logEvent = ClefReader.Read("{\"@t\":\"2024-01-01T00:00:00Z\",\"B\":2,\"S\":{\"x\":[4]}}");

        Assert.That(logEvent.Properties.Keys, Is.EqualTo(new[] { "B", "S" }));
        Assert.That(ClefLine.Text(logEvent), Does.EndWith("\"B\":2,\"S\":{\"x\":[4]}}"));
    }

    [Test]
    public void ALineNumberGivenByTheCallerIsInTheMessage()
    {
        var ex = Assert.Throws<ClefFormatException>(() => ClefReader.Read("{}"))!.WithLineNumber(17);

        Assert.That(ex.LineNumber, Is.EqualTo(17));
        Assert.That(ex.Message, Is.EqualTo("Invalid CLEF on line 17: missing @t"));
        Assert.That(ex.Reason, Is.EqualTo("missing @t"));
    }

    [Test]
    public void TryReadNeverThrowsOnRandomBytes()
    {
        var random = new Random(7);
        var valid = Encoding.UTF8.GetBytes("""{"@t":"2024-01-01T00:00:00Z","@mt":"x {A:0.0}","@r":["1.0"],"A":[1,{"b":null}],"@x":"e"}""");
        for (var i = 0; i < 5000; i++)
        {
            var line = (byte[])valid.Clone();
            for (var k = random.Next(1, 4); k > 0; k--)
                line[random.Next(line.Length)] = (byte)random.Next(256);
            var length = random.Next(line.Length + 1);

            Assert.DoesNotThrow(() => ClefReader.TryRead(line.AsSpan(0, length), out _, out _));
        }
    }
}
