using Distlog.Cli.Sending;
using Distlog.Cli.Tests.Support;

namespace Distlog.Cli.Tests.Querying;

/// <summary>The store as the real collector writes it: events sent with <c>distlog send</c> to a running distlogd.</summary>
public sealed class CollectorStoreTests
{
    [Test]
    public void TreeAndQueryReadTheStoreTheCollectorWrote()
    {
        using var folder = new TempFolder();
        using (var collector = SqliteCollector.Start(folder, out var endpoint))
        {
            using (var input = File.OpenRead(TestFiles.ImportTaskClef))
                new ClefSender(new SendOptions { Endpoint = endpoint }, TextWriter.Null).Send(input, "import-task.clef");

            // distlog send does not wait for acknowledgements: wait until the store holds every event, then SIGTERM (the
            // collector stops ingest and exits 0).
            var sent = File.ReadLines(TestFiles.ImportTaskClef).Count(l => l.Trim().Length > 0);
            Assert.That(Eventually.Holds(() => Rows(folder.Combine("distlog.db")) == sent), Is.True, collector.Stderr);
            Assert.That(collector.Terminate(TimeSpan.FromSeconds(30)), Is.EqualTo(0), collector.Stderr);
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

    static long Rows(string db)
    {
        if (!File.Exists(db))
            return 0;
        try
        {
            using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={db};Mode=ReadOnly;Pooling=False");
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "SELECT count(*) FROM events";
            return (long)command.ExecuteScalar()!;
        }
        catch (Microsoft.Data.Sqlite.SqliteException)
        {
            return 0; // not created yet
        }
    }
}
