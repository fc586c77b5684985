using System.Text;
using Distlog.Collector.Ingest;
using Serilog.Events;

namespace Distlog.Collector.Tests.Ingest;

public sealed class PythonRecordReaderTests
{
    // The first record of the original distlog tutorial (seed 000), abridged only where fields are not mapped.
    const string TutorialRecord = """
        {
          "context": {"key": "0@e252a11f-d33d-483d-ba08-bc8f642b2f10", "user": "leo"},
          "filename": "example.py", "funcName": "main", "stack_info": null, "args": null,
          "process": 6156, "hostname": "obelix", "msecs": 148.06699752807617,
          "message": "toplevel", "name": "root", "module": "example", "thread": 139753641113344,
          "msg": "toplevel", "lineno": 13, "threadName": "MainThread", "exc_text": null, "exc_info": null,
          "levelno": 20, "asctime": "2018-04-18 23:03:19,148", "relativeCreated": 379328.7272453308,
          "levelname": "INFO", "processName": "MainProcess", "created": 1524085399.148067,
          "pathname": "/home/leo/src/distlog/example.py"
        }
        """;

    [Test]
    public void TheTutorialRecordMapsToAnEventWithKeyLevelTimeAndContext()
    {
        var e = Read(TutorialRecord);

        Assert.That(e.Level, Is.EqualTo(LogEventLevel.Information));
        Assert.That(e.RenderMessage(), Is.EqualTo("toplevel"));
        Assert.That(e.Timestamp, Is.EqualTo(DateTimeOffset.UnixEpoch.AddTicks(15240853991480670)));
        Assert.That(Scalar(e, "TaskKey"), Is.EqualTo("0@e252a11f-d33d-483d-ba08-bc8f642b2f10"));
        Assert.That(Scalar(e, "user"), Is.EqualTo("leo"));
        Assert.That(Scalar(e, "SourceContext"), Is.EqualTo("root"));
        Assert.That(Scalar(e, "Host"), Is.EqualTo("obelix"));
        Assert.That(Scalar(e, "ProcessId"), Is.EqualTo(6156L));
        Assert.That(e.Properties.Keys, Is.EquivalentTo(new[] { "TaskKey", "user", "SourceContext", "Host", "ProcessId" }));
        Assert.That(e.Exception, Is.Null);
    }

    [TestCase(0, LogEventLevel.Verbose)]
    [TestCase(5, LogEventLevel.Verbose)]
    [TestCase(10, LogEventLevel.Debug)]
    [TestCase(20, LogEventLevel.Information)]
    [TestCase(25, LogEventLevel.Information)]
    [TestCase(30, LogEventLevel.Warning)]
    [TestCase(40, LogEventLevel.Error)]
    [TestCase(50, LogEventLevel.Fatal)]
    public void PythonLevelNumbersMapToSerilogLevels(int levelno, LogEventLevel expected) =>
        Assert.That(Read($$"""{"levelno": {{levelno}}, "msg": "m"}""").Level, Is.EqualTo(expected));

    [Test]
    public void ExcTextBecomesTheExceptionTextUnchanged()
    {
        const string traceback = "Traceback (most recent call last):\n  File \"x.py\", line 1, in <module>\nZeroDivisionError: division by zero";

        var e = Read($$"""{"levelno": 40, "msg": "failed", "exc_text": {{System.Text.Json.JsonSerializer.Serialize(traceback)}}}""");

        Assert.That(e.Exception!.ToString(), Is.EqualTo(traceback));
    }

    [Test]
    public void MessageIsPreferredToMsgAndBracesRenderLiterally()
    {
        var e = Read("""{"msg": "%s items", "message": "3 {items} {{x}}", "context": {"key": "1@r", "items": 9}}""");

        Assert.That(e.RenderMessage(), Is.EqualTo("3 {items} {{x}}"));
    }

    [TestCase("""{"levelno": "high"}""", "'levelno' must be a number")]
    [TestCase("""{"created": "yesterday"}""", "'created' must be Unix seconds")]
    [TestCase("""{"created": -1}""", "'created' must be Unix seconds")]
    [TestCase("""{"context": [1, 2]}""", "'context' must be an object")]
    [TestCase("""{"context": {"key": 42}}""", "'context.key' must be a string")]
    [TestCase("""{"process": 1.5}""", "'process' must be a whole number")]
    [TestCase("""[1, 2]""", "expected a JSON object")]
    [TestCase("""{"msg": "x"} trailing""", "invalid JSON")]
    [TestCase("""{"msg": "x" """, "invalid JSON")]
    public void WrongTypesAreRejectedWithAReason(string json, string reason)
    {
        Assert.That(PythonRecordReader.TryRead(Encoding.UTF8.GetBytes(json), out var e, out var error), Is.False);
        Assert.That(e, Is.Null);
        Assert.That(error, Does.Contain(reason));
    }

    [Test]
    public void DeepNestingIsRejected()
    {
        var json = """{"context": {"deep": """ + new string('[', 200) + new string(']', 200) + "}}";

        Assert.That(PythonRecordReader.TryRead(Encoding.UTF8.GetBytes(json), out _, out var error), Is.False);
        Assert.That(error, Does.Contain("depth"));
    }

    [Test]
    public void HundredThousandContextPropertiesAreRejected()
    {
        var json = """{"context": {""" + string.Join(",", Enumerable.Range(0, 100_000).Select(i => $"\"p{i}\":{i}")) + "}}";

        Assert.That(PythonRecordReader.TryRead(Encoding.UTF8.GetBytes(json), out _, out var error), Is.False);
        Assert.That(error, Does.Contain("more than 1000 properties"));
    }

    static LogEvent Read(string json)
    {
        Assert.That(PythonRecordReader.TryRead(Encoding.UTF8.GetBytes(json), out var e, out var error), Is.True, error);
        return e!;
    }

    static object? Scalar(LogEvent e, string name) => ((ScalarValue)e.Properties[name]).Value;
}
