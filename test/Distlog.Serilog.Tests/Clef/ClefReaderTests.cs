using System.Diagnostics;
using Distlog.Clef;
using Serilog.Events;

namespace Distlog.Serilog.Tests.Clef;

sealed class ClefReaderTests
{
    // The samples of the CLEF specification, serilog-formatting-compact's README.
    const string SpecSample = """{"@t":"2016-06-07T03:44:57.8532799Z","@mt":"Hello, {User}","User":"nblumhardt"}""";
    const string SpecRenderedSample = """{"@t":"2016-06-07T03:44:57.8532799Z","@m":"Hello, \"nblumhardt\"","@i":"7a8b9c0d","User":"nblumhardt"}""";

    // The README's comparison sample, with the quotes around "Now" that its text lost.
    const string SpecComparisonSample = """{"@t":"2016-06-07T03:44:57.8532799Z","@mt":"Hello, {@User}, {N:x8} at {Now}","@r":["0000007b"],"User":{"Name":"nblumhardt","Tags":[1,2,3]},"N":123,"Now":"2016-06-07T13:44:57.8532799+10:00"}""";

    [Test]
    public void TheSpecificationsSampleIsReadAsAnInformationEventWithItsTemplateAndProperty()
    {
        var logEvent = ClefReader.Read(SpecSample);

        Assert.That(logEvent.Timestamp, Is.EqualTo(new DateTimeOffset(2016, 6, 7, 3, 44, 57, TimeSpan.Zero).AddTicks(8532799)));
        Assert.That(logEvent.Level, Is.EqualTo(LogEventLevel.Information));
        Assert.That(logEvent.MessageTemplate.Text, Is.EqualTo("Hello, {User}"));
        Assert.That(logEvent.RenderMessage(), Is.EqualTo("Hello, \"nblumhardt\""));
        Assert.That(logEvent.Exception, Is.Null);
        Assert.That(logEvent.TraceId, Is.Null);
    }

    [Test]
    public void ARenderedLineIsReadWithTheMessageAsATemplateThatRendersToIt()
    {
        var logEvent = ClefReader.Read("""{"@t":"2016-06-07T03:44:57Z","@m":"Set {x} to {{y}}","@i":"7a8b9c0d","x":1}""");

        Assert.That(logEvent.MessageTemplate.Text, Is.EqualTo("Set {{x}} to {{{{y}}}}"));
        Assert.That(logEvent.RenderMessage(), Is.EqualTo("Set {x} to {{y}}"));
    }

    [Test]
    public void AnEventIdThatIsNotTheTemplatesHashIsKeptAsAnAtIProperty()
    {
        var logEvent = ClefReader.Read(SpecRenderedSample);

        Assert.That(logEvent.RenderMessage(), Is.EqualTo("Hello, \"nblumhardt\""));
        Assert.That(logEvent.Properties["@i"], Is.EqualTo(new ScalarValue("7a8b9c0d")));
        Assert.That(logEvent.Properties["User"], Is.EqualTo(new ScalarValue("nblumhardt")));
    }

    [Test]
    public void AnEventIdThatIsTheTemplatesHashIsDroppedAsTheWriterDerivesIt()
    {
        var logEvent = ClefReader.Read("""{"@t":"2016-06-07T03:44:57Z","@mt":"Hello, {User}","@i":"0482b02f","User":"x"}""");

        Assert.That(logEvent.Properties.Keys, Is.EqualTo(new[] { "User" }));
    }

    [Test]
    public void RenderingsMakeTheReadEventRenderAsTheOriginalDid()
    {
        var logEvent = ClefReader.Read(SpecComparisonSample);

        Assert.That(logEvent.RenderMessage(), Is.EqualTo("Hello, { Name: \"nblumhardt\", Tags: [1, 2, 3] }, 0000007b at \"2016-06-07T13:44:57.8532799+10:00\""));
        Assert.That(((StructureValue)logEvent.Properties["User"]).TypeTag, Is.Null);
    }

    [Test]
    public void ADoubledAtIsReadAsAPropertyNameStartingWithOneAt()
    {
        var logEvent = ClefReader.Read("""{"@t":"2024-01-01T00:00:00Z","@@odd":1,"@future":2}""");

        Assert.That(logEvent.Properties["@odd"], Is.EqualTo(new ScalarValue(1L)));
        Assert.That(logEvent.Properties["@future"], Is.EqualTo(new ScalarValue(2L)), "an unknown reified field is user data");
    }

    [Test]
    public void ExceptionTextIsReadIntoAnExceptionWhoseToStringIsThatText()
    {
        const string text = "System.DivideByZeroException: Attempted to divide by zero.\r\n   at Example.Program.Main(String[] args)";

        var logEvent = ClefReader.Read($$"""{"@t":"2016-10-12T04:20:58.0904378Z","@mt":"Something failed","@l":"Error","@x":"{{text.Replace("\r\n", "\\r\\n")}}"}""");

        Assert.That(logEvent.Level, Is.EqualTo(LogEventLevel.Error));
        Assert.That(logEvent.Exception!.ToString(), Is.EqualTo(text));
        Assert.That(logEvent.Exception.Message, Is.EqualTo("System.DivideByZeroException: Attempted to divide by zero."));
    }

    [Test]
    public void TraceAndSpanIdsAreReadIntoTheEvent()
    {
        var logEvent = ClefReader.Read("""{"@t":"2024-01-01T00:00:00Z","@tr":"4BF92F3577B34DA6A3CE929D0E0E4736","@sp":"00f067aa0ba902b7"}""");

        Assert.That(logEvent.TraceId, Is.EqualTo(ActivityTraceId.CreateFromString("4bf92f3577b34da6a3ce929d0e0e4736")));
        Assert.That(logEvent.SpanId, Is.EqualTo(ActivitySpanId.CreateFromString("00f067aa0ba902b7")));
    }

    [TestCase("Verbose", LogEventLevel.Verbose)]
    [TestCase("trace", LogEventLevel.Verbose)]
    [TestCase("DEBUG", LogEventLevel.Debug)]
    [TestCase("Information", LogEventLevel.Information)]
    [TestCase("info", LogEventLevel.Information)]
    [TestCase("Warning", LogEventLevel.Warning)]
    [TestCase("warn", LogEventLevel.Warning)]
    [TestCase("Error", LogEventLevel.Error)]
    [TestCase("Fatal", LogEventLevel.Fatal)]
    [TestCase("Critical", LogEventLevel.Fatal)]
    public void LevelsAreReadBySerilogsAndOtherWritersNames(string name, LogEventLevel level)
    {
        Assert.That(ClefReader.Read($$"""{"@t":"2024-01-01T00:00:00Z","@l":"{{name}}"}""").Level, Is.EqualTo(level));
    }

    [TestCase("2024-05-01T12:30:45.1234567Z", "2024-05-01T12:30:45.1234567+00:00")]
    [TestCase("2024-05-01T12:30:45Z", "2024-05-01T12:30:45.0000000+00:00")]
    [TestCase("2024-05-01T14:30:45.123+02:00", "2024-05-01T14:30:45.1230000+02:00")]
    [TestCase("2024-05-01T12:30:45.123456789Z", "2024-05-01T12:30:45.1234567+00:00")]
    [TestCase("2024-05-01 12:30:45,5-0130", "2024-05-01T12:30:45.5000000-01:30")]
    [TestCase("2024-05-01T12:30", "2024-05-01T12:30:00.0000000+00:00")]
    public void TimestampsAreReadInTheIso8601FormsOtherToolsWrite(string text, string expected)
    {
        var logEvent = ClefReader.Read($$"""{"@t":"{{text}}"}""");

        Assert.That(logEvent.Timestamp.ToString("O"), Is.EqualTo(expected));
    }

    [TestCase("5", 5L)]
    [TestCase("-9223372036854775808", long.MinValue)]
    [TestCase("1.5", 1.5)]
    [TestCase("1E+20", 1e20)]
    [TestCase("-0", -0.0)]
    public void NumbersAreReadAsLongOrDoubleWhereThatKeepsTheirText(string json, object expected)
    {
        var value = ((ScalarValue)ClefReader.Read($$"""{"@t":"2024-01-01T00:00:00Z","N":{{json}}}""").Properties["N"]).Value;

        Assert.That(value, Is.EqualTo(expected));
        Assert.That(value!.GetType(), Is.EqualTo(expected.GetType()));
    }

    [TestCase("1.10", "1.10")]
    [TestCase("18446744073709551615", "18446744073709551615")]
    [TestCase("0.12345678901234567890123", "0.12345678901234567890123")]
    public void NumbersADoubleCannotKeepAreReadAsDecimal(string json, string expected)
    {
        var value = ((ScalarValue)ClefReader.Read($$"""{"@t":"2024-01-01T00:00:00Z","N":{{json}}}""").Properties["N"]).Value;

        Assert.That(value, Is.EqualTo(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Test]
    public void AnObjectWithATypeMemberIsReadAsAStructureWithThatTypeTagWhereverTheMemberStands()
    {
        var logEvent = ClefReader.Read("""{"@t":"2024-01-01T00:00:00Z","C":{"$type":"Customer","Name":"x","Tags":["a"]}}""");

        var structure = (StructureValue)logEvent.Properties["C"];
        Assert.That(structure.TypeTag, Is.EqualTo("Customer"));
        Assert.That(structure.Properties.Select(p => p.Name), Is.EqualTo(new[] { "Name", "Tags" }));
        Assert.That(structure.Properties[1].Value, Is.InstanceOf<SequenceValue>());
    }

    [Test]
    public void AnObjectWithAMemberNameSerilogCannotUseIsReadAsADictionary()
    {
        var logEvent = ClefReader.Read("""{"@t":"2024-01-01T00:00:00Z","D":{"a":1,"":2," ":3,"":4}}""");

        var dictionary = (DictionaryValue)logEvent.Properties["D"];
        Assert.That(dictionary.Elements.Keys.Select(k => k.Value), Is.EqualTo(new[] { "a", "", " " }));
        Assert.That(dictionary.Elements[new ScalarValue("")], Is.EqualTo(new ScalarValue(4L)));
    }

    [Test]
    public void EveryLineOfABatchWithCrLfDelimitersIsRead()
    {
        var batch = SpecSample + "\r\n" + SpecComparisonSample + "\r\n";

        var events = batch.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(ClefReader.Read).ToList();

        Assert.That(events.Select(e => e.MessageTemplate.Text), Is.EqualTo(new[] { "Hello, {User}", "Hello, {@User}, {N:x8} at {Now}" }));
    }

    [Test]
    public void ALineStartingWithAByteOrderMarkIsRead()
    {
        var line = new byte[] { 0xEF, 0xBB, 0xBF }.Concat(System.Text.Encoding.UTF8.GetBytes(SpecSample)).ToArray();

        Assert.That(ClefReader.Read(line).MessageTemplate.Text, Is.EqualTo("Hello, {User}"));
    }

    [Test]
    public void ManyDistinctNamesAndTemplatesBeyondTheCachesBoundsAreAllReadCorrectly()
    {
        for (var i = 0; i < 6000; i++)
        {
            var line = $"{{\"@t\":\"2024-01-01T00:00:00Z\",\"@mt\":\"Event {i} {{Name{i}}}\",\"Name{i}\":{{\"$type\":\"T{i}\",\"V\":{i}}}}}";
            var logEvent = ClefReader.Read(line);

            Assert.That(logEvent.MessageTemplate.Text, Is.EqualTo($"Event {i} {{Name{i}}}"));
            Assert.That(((StructureValue)logEvent.Properties[$"Name{i}"]).TypeTag, Is.EqualTo($"T{i}"));
        }
    }
}
