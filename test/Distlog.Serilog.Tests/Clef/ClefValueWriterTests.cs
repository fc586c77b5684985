using System.Text.Json;
using Distlog.Clef;
using Distlog.Serilog.Tests.Support;
using Serilog.Events;

namespace Distlog.Serilog.Tests.Clef;

sealed class ClefValueWriterTests
{
    static IEnumerable<object?> Scalars() =>
    [
        null, true, false, "", "plain", "quote \" backslash \\ tab \t newline \n escape \u001b del \u007f",
        "non-ASCII é € 😀 \u2028 <html> & 'x'", 'c', '"',
        0, -1, int.MaxValue, int.MinValue, long.MaxValue, long.MinValue, uint.MaxValue, ulong.MaxValue,
        (short)-5, (ushort)5, (byte)255, (sbyte)-128,
        0.0, -0.0, 1.5, 0.1, 1e20, 1e-7, 123456789012.0, double.MaxValue, double.Epsilon, Math.PI,
        double.NaN, double.PositiveInfinity, double.NegativeInfinity,
        0.1f, float.MaxValue, float.NaN, float.NegativeInfinity,
        1.10m, 0m, decimal.MaxValue, decimal.MinValue, 0.0000000000000000000000000001m,
        new DateTime(2024, 5, 1, 12, 30, 45, DateTimeKind.Utc).AddTicks(1234567),
        new DateTime(2024, 5, 1, 12, 30, 45, DateTimeKind.Unspecified),
        new DateTimeOffset(2024, 5, 1, 12, 30, 45, TimeSpan.FromHours(-5)),
        TimeSpan.FromMilliseconds(1500.5), TimeSpan.FromDays(-3), new DateOnly(2024, 2, 29), new TimeOnly(23, 59, 59, 999),
        Guid.Parse("4bf92f35-77b3-4da6-a3ce-929d0e0e4736"), DayOfWeek.Friday, new Uri("https://example.com/a?b=c"),
        (Int128)5, UInt128.MaxValue, (Half)1.5, new System.Numerics.BigInteger(ulong.MaxValue) * 10,
    ];

    [TestCaseSource(nameof(Scalars))]
    public void AScalarIsWrittenAsSerilogsJsonValueFormatterWritesIt(object? value)
    {
        var scalar = new ScalarValue(value);

        Assert.That(ClefLine.ValueJson(scalar), Is.EqualTo(ClefLine.SerilogValueJson(scalar)));
    }

    [Test]
    public void RandomDoublesAreWrittenAsSerilogWritesThem()
    {
        var random = new Random(20240501);
        for (var i = 0; i < 2000; i++)
        {
            var value = BitConverter.Int64BitsToDouble(random.NextInt64());
            var scalar = new ScalarValue(i % 2 == 0 ? value : (float)value);

            Assert.That(ClefLine.ValueJson(scalar), Is.EqualTo(ClefLine.SerilogValueJson(scalar)), $"value {value:R}");
        }
    }

    static IEnumerable<LogEventPropertyValue> Composites() =>
    [
        new SequenceValue([]),
        new SequenceValue([new ScalarValue(1), new ScalarValue("two"), new SequenceValue([new ScalarValue(null)])]),
        new StructureValue([]),
        new StructureValue([new LogEventProperty("Name", new ScalarValue("x")), new LogEventProperty("Id", new ScalarValue(7))]),
        new StructureValue([new LogEventProperty("Name", new ScalarValue("x"))], "Customer"),
        new StructureValue([], "Empty"),
        new DictionaryValue([]),
        new DictionaryValue([
            new(new ScalarValue("a"), new ScalarValue(1)), new(new ScalarValue(2), new ScalarValue(2.5)),
            new(new ScalarValue(null), new StructureValue([], "T"))]),
    ];

    [TestCaseSource(nameof(Composites))]
    public void ACompositeIsWrittenAsSerilogsJsonValueFormatterWritesIt(LogEventPropertyValue value)
    {
        Assert.That(ClefLine.ValueJson(value), Is.EqualTo(ClefLine.SerilogValueJson(value)));
    }

    [Test]
    public void AnUnpairedSurrogateIsWrittenAsTheReplacementCharacterRatherThanThrowing()
    {
        var logEvent = Some.EventWith(new LogEventProperty("P\ud800", new ScalarValue("a\udc00b\ud800")));

        var json = ClefLine.Json(logEvent);

        Assert.That(json.GetProperty("P\ufffd").GetString(), Is.EqualTo("a\ufffdb\ufffd"));
    }

    [Test]
    public void AValueWhoseToStringThrowsIsWrittenAsANote()
    {
        var json = ClefLine.Json(Some.EventWith(new ScalarValue(new Unprintable())));

        Assert.That(json.GetProperty("P").GetString(), Does.Contain("ToString() threw InvalidOperationException"));
    }

    [Test]
    public void AValueNestedDeeperThanTheReaderAcceptsIsWrittenAsNull()
    {
        LogEventPropertyValue value = new ScalarValue("bottom");
        for (var i = 0; i < 100; i++)
            value = new SequenceValue([value]);

        var line = ClefLine.Bytes(Some.EventWith(value));

        var read = ClefReader.Read(line);
        var depth = 1;
        for (var current = read.Properties["P"]; current is SequenceValue sequence; current = sequence.Elements[0])
            depth++;
        Assert.That(depth, Is.EqualTo(ClefReader.MaxDepth));
        Assert.That(line.AsSpan().IndexOf("null"u8), Is.GreaterThan(0));
    }

    [Test]
    public void AnEventWithMorePropertiesThanTheReaderAcceptsIsWrittenWithTheFirstThousandMembers()
    {
        var properties = Enumerable.Range(0, 1500).Select(i => new LogEventProperty($"P{i}", new ScalarValue(i))).ToArray();

        var json = ClefLine.Json(Some.EventWith(properties));

        Assert.That(json.EnumerateObject().Count(), Is.EqualTo(ClefReader.MaxProperties));
        Assert.That(() => ClefReader.Read(ClefLine.Bytes(Some.EventWith(properties))), Throws.Nothing);
    }

    sealed class Unprintable
    {
        public override string ToString() => throw new InvalidOperationException("no");
    }
}
