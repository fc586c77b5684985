using Distlog.Collector.Tests.Support;

namespace Distlog.Collector.Tests.Plugins.Generic;

public sealed class GenericSinkEndToEndTests
{
    [Test]
    public void ACollectorWritesThroughSerilogSinksFileNamedInYaml()
    {
        using var folder = new TempFolder();
        var ingest = FreePort.Endpoint();
        using var collector = CollectorProcess.StartReady(folder, Some.Yaml(ingest,
            "sink: File\nusing: Serilog.Sinks.File\nargs:\n  path: logs/plain.txt\n  outputTemplate: \"{Level:u3} {Message:lj} {TaskKey}{NewLine}\""));

        using (var pusher = new Pusher(ingest))
            pusher.SendBatch([Some.ClefLine(1, taskKey: Some.TaskKey(1)), Some.ClefLine(2, level: "Warning", taskKey: Some.TaskKey(2))]);

        var path = folder.Combine("logs", "plain.txt");
        Assert.That(Eventually.Holds(() => collector.Stderr.Contains("File: delivered 2")
            || File.Exists(path) && ReadShared(path).Length == 2), Is.True, collector.Stderr);
        Assert.That(collector.Terminate(), Is.Zero);
        Assert.That(ReadShared(path), Is.EqualTo(new[] { $"INF Event 1 {Some.TaskKey(1)}", $"WRN Event 2 {Some.TaskKey(2)}" }));
    }

    static string[] ReadShared(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        return new StreamReader(stream).ReadToEnd().Split('\n', StringSplitOptions.RemoveEmptyEntries);
    }
}
