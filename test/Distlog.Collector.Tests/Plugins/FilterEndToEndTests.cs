using Distlog.Collector.Tests.Support;

namespace Distlog.Collector.Tests.Plugins;

public sealed class FilterEndToEndTests
{
    [Test]
    public void EachPluginReceivesOnlyWhatPassesItsFilter()
    {
        using var folder = new TempFolder();
        var ingest = FreePort.Endpoint();
        const string otherRoot = "0af7651916cd43dd8448eb211c80319c";
        using var collector = CollectorProcess.StartReady(folder, Some.Yaml(ingest,
            "sink: file\nname: all\nargs: { path: all.clef, rollingInterval: Infinite }",
            "sink: file\nname: errors\nargs: { path: errors.clef, rollingInterval: Infinite }\nfilter: { minimumLevel: Error }",
            "sink: file\nname: staging\nargs: { path: staging.clef, rollingInterval: Infinite }\nfilter: { system: S }",
            "sink: file\nname: billing\nargs: { path: billing.clef, rollingInterval: Infinite }\nfilter: { application: billing }",
            $"sink: file\nname: task\nargs: {{ path: task.clef, rollingInterval: Infinite }}\nfilter: {{ task: {otherRoot} }}",
            "sink: file\nname: expression\nargs: { path: expression.clef, rollingInterval: Infinite }\nfilter: { expression: \"N >= 4 and Application = 'billing'\" }",
            "sink: console\nfilter: { minimumLevel: Fatal }"));

        using (var pusher = new Pusher(ingest))
        {
            pusher.SendBatch([Some.ClefLine(1), Some.ClefLine(2, level: "Error")]);
            pusher.SendBatch([Some.ClefLine(3), Some.ClefLine(4, level: "Fatal", application: "billing")], system: 'S');
            pusher.SendBatch([Some.ClefLine(5, taskKey: $"2@{otherRoot}/1"), Some.ClefLine(6, application: "billing", taskKey: Some.TaskKey(6))]);
        }

        Assert.That(Eventually.Holds(() => Stored.ClefLines(folder.Path, "all.clef").Count == 6), Is.True, collector.Stderr);
        Assert.That(collector.Terminate(), Is.Zero);
        Assert.That(Numbers(folder, "errors.clef"), Is.EqualTo(new[] { 2, 4 }));
        Assert.That(Numbers(folder, "staging.clef"), Is.EqualTo(new[] { 3, 4 }));
        Assert.That(Numbers(folder, "billing.clef"), Is.EqualTo(new[] { 4, 6 }));
        Assert.That(Numbers(folder, "task.clef"), Is.EqualTo(new[] { 5 }));
        Assert.That(Numbers(folder, "expression.clef"), Is.EqualTo(new[] { 4, 6 }));
        Assert.That(collector.Stderr, Does.Contain("errors: delivered 2, filtered 4, dropped 0"));
        Assert.That(collector.StdoutLines, Is.EqualTo(new[] { "2024-05-01 12:00:00.004 FTL S billing - Event 4" }), "console");
    }

    static List<long> Numbers(TempFolder folder, string file) => Stored.Numbers(Stored.ClefLines(folder.Path, file));
}
