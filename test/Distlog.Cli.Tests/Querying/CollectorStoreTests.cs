using Distlog.Cli.Sending;
using Distlog.Cli.Tests.Support;

namespace Distlog.Cli.Tests.Querying;

/// <summary>The store as the real collector writes it: events sent with <c>distlog send</c> to a running distlogd.</summary>
public sealed class CollectorStoreTests
{
    [Test]
    public void TreeAndQueryReadTheStoreTheCollectorWrote()
    {
        var dll = CollectorProcess.Dll;
        using var folder = new TempFolder();
        using (var collector = CollectorProcess.Start(dll, folder, out var endpoint))
        {
            using (var input = File.OpenRead(TestFiles.ImportTaskClef))
                new ClefSender(new SendOptions { Endpoint = endpoint }, TextWriter.Null).Send(input, "import-task.clef");

            // SIGTERM: the collector stops ingest, drains its queues into the store and exits 0.
            Thread.Sleep(500);
            collector.Interrupt("-TERM");
            Assert.That(collector.WaitForExit(TimeSpan.FromSeconds(30)), Is.EqualTo(0), collector.Error);
        }

        var db = folder.Combine("distlog.db");
        var tree = CliRun.Run("tree", "--db", db);
        Assert.That(tree.Output, Is.EqualTo(TestFiles.Read("Rendering", "Expected", "import-task.txt")), tree.ToString());

        var errors = CliRun.Run("query", "--db", db, "--level", "error", "--app", "worker", "--template", "{@l:u3} {TaskKey} {@m}{NewLine}");
        Assert.That(errors.Output, Is.EqualTo($"ERR 1@{ClefText.Root}/2/1 Store 17 rows\n"), errors.ToString());

        var subtree = CliRun.Run("query", "--db", db, "--task", ClefText.Root + "/2", "--text", "RETRY", "--format", "clef");
        Assert.That(subtree.OutputLines, Has.Length.EqualTo(1));
        Assert.That(subtree.Output, Does.Contain("\"@mt\":\"Stored on retry\""));
    }
}
