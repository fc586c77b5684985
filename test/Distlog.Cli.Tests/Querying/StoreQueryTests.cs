using System.Text;
using Distlog.Cli.Filtering;
using Distlog.Cli.Querying;
using Distlog.Cli.Tests.Support;
using Serilog.Events;

namespace Distlog.Cli.Tests.Querying;

public sealed class StoreQueryTests
{
    const string Root = ClefText.Root;
    const string OtherRoot = "f3a32bb3-ea6b-457c-aa99-08a3d0491ab4";

    static readonly (char, string)[] Rows =
    [
        ('P', ClefText.Line("boot", time: "2024-05-01T09:00:00Z", app: "orders")),
        ('P', ClefText.Line("Import {File}", time: "2024-05-01T10:00:00Z", app: "orders", taskKey: $"0@{Root}", status: "Started", properties: [("File", "a.csv")])),
        ('P', ClefText.Line("Disk 95% full_ish", time: "2024-05-01T10:00:01Z", level: "Warning", app: "orders", taskKey: $"0@{Root}/1")),
        ('S', ClefText.Line("Staging failure", time: "2024-05-01T10:00:02Z", level: "Error", app: "billing", taskKey: $"0@{Root}/12")),
        ('P', ClefText.Line("Report", time: "2024-05-01T11:00:00Z", level: "Fatal", app: "reports", taskKey: $"0@{OtherRoot}")),
    ];

    TempFolder _folder = null!;
    string _db = null!;

    [SetUp]
    public void CreateStore()
    {
        _folder = new TempFolder();
        _db = StoreFile.Create(_folder.Combine("distlog.db"), Rows);
    }

    [TearDown]
    public void DeleteStore() => _folder.Dispose();

    List<string> Messages(QueryOptions options) =>
        new StoreQuery(_db, TextWriter.Null).Read(options).Select(r => r.Event.MessageTemplate.Text).ToList();

    [Test]
    public void WithoutFiltersTheLimitKeepsTheMostRecentEventsOldestFirst()
    {
        Assert.That(Messages(new QueryOptions { Limit = 2 }), Is.EqualTo(new[] { "Staging failure", "Report" }));
        Assert.That(Messages(new QueryOptions { Limit = null }), Has.Count.EqualTo(5));
    }

    [Test]
    public void AnExpressionIsCheckedOnEachRowAndTheLimitCountsMatchesOnly()
    {
        var expression = Serilog.Expressions.SerilogExpression.Compile("@l in ['Warning', 'Error'] or Application = 'reports'");

        Assert.That(Messages(new QueryOptions { Expression = expression, Limit = 2 }), Is.EqualTo(new[] { "Staging failure", "Report" }));
        Assert.That(Messages(new QueryOptions { Expression = expression, Limit = null, Application = "orders" }), Is.EqualTo(new[] { "Disk 95% full_ish" }));
        Assert.That(Messages(new QueryOptions { Expression = expression, Limit = 1, Until = DateTimeOffset.Parse("2024-05-01T10:30:00Z") }),
            Is.EqualTo(new[] { "Staging failure" }));
    }

    [Test]
    public void TaskSelectsARootOrASubtreeExactly()
    {
        Assert.That(Messages(new QueryOptions { Task = TaskSelector.Parse(Root) }), Is.EqualTo(new[] { "Import {File}", "Disk 95% full_ish", "Staging failure" }));
        Assert.That(Messages(new QueryOptions { Task = TaskSelector.Parse(Root + "/1") }), Is.EqualTo(new[] { "Disk 95% full_ish" }));
        Assert.That(Messages(new QueryOptions { Task = TaskSelector.Parse(OtherRoot) }), Is.EqualTo(new[] { "Report" }));
    }

    [Test]
    public void PropertiesSelectByValueAsTextAndTheLimitCountsMatchesOnly()
    {
        _db = StoreFile.Create(_folder.Combine("with-properties.db"),
        [
            .. Rows,
            ('P', ClefText.Line("Retry {Attempt}", time: "2024-05-01T11:00:01Z", level: "Debug", app: "reports", taskKey: $"0@{OtherRoot}/1", status: "Started", properties: [("Attempt", 2)])),
            ('P', ClefText.Line("Late", time: "2024-05-01T11:00:02Z", app: "reports")),
        ]);

        Assert.That(Messages(new QueryOptions { Properties = [KeyValuePair.Create("File", "a.csv")] }), Is.EqualTo(new[] { "Import {File}" }));
        Assert.That(Messages(new QueryOptions { Properties = [KeyValuePair.Create("File", "b.csv")] }), Is.Empty);
        Assert.That(Messages(new QueryOptions { Properties = [KeyValuePair.Create("Attempt", "2")] }), Is.EqualTo(new[] { "Retry {Attempt}" }));
        Assert.That(Messages(new QueryOptions { Properties = [KeyValuePair.Create("TaskStatus", "Started")], Limit = 1 }), Is.EqualTo(new[] { "Retry {Attempt}" }));
    }

    [Test]
    public void LevelAppAndSystemFilter()
    {
        Assert.That(Messages(new QueryOptions { MinimumLevel = LogEventLevel.Error }), Is.EqualTo(new[] { "Staging failure", "Report" }));
        Assert.That(Messages(new QueryOptions { Application = "orders" }), Has.Count.EqualTo(3));
        Assert.That(Messages(new QueryOptions { System = 'S' }), Is.EqualTo(new[] { "Staging failure" }));
    }

    [Test]
    public void SinceIsInclusiveAndUntilExclusive()
    {
        var options = new QueryOptions
        {
            Since = DateTimeOffset.Parse("2024-05-01T10:00:01Z"),
            Until = DateTimeOffset.Parse("2024-05-01T11:00:00Z"),
        };
        Assert.That(Messages(options), Is.EqualTo(new[] { "Disk 95% full_ish", "Staging failure" }));
    }

    [Test]
    public void TextMatchesASubstringOfTheMessageTakingWildcardsLiterally()
    {
        Assert.That(Messages(new QueryOptions { Text = "95% FULL_" }), Is.EqualTo(new[] { "Disk 95% full_ish" }));
        Assert.That(Messages(new QueryOptions { Text = "9_%" }), Is.Empty);
        Assert.That(Messages(new QueryOptions { Text = "\"a.csv\"" }), Is.EqualTo(new[] { "Import {File}" }));
    }

    [Test]
    public void AMissingStoreIsAClearError()
    {
        var ex = Assert.Throws<CliException>(() => new StoreQuery(_folder.Combine("none.db"), TextWriter.Null).Read(new QueryOptions()));
        Assert.That(ex!.Message, Does.StartWith($"cannot open store '{_folder.Combine("none.db")}': no such file"));
    }

    [Test]
    public void AFileThatIsNotAStoreIsAClearError()
    {
        var path = _folder.Write("notes.db", "");
        var ex = Assert.Throws<CliException>(() => new StoreQuery(path, TextWriter.Null).Read(new QueryOptions()));
        Assert.That(ex!.Message, Does.Contain("it is not a distlog store"));
    }

    [Test]
    public void TheQueryCommandWritesTextClefOrTrees()
    {
        var text = CliRun.Run("query", "--db", _db, "--level", "Error", "--template", "{@l:u3} {@m}{NewLine}");
        Assert.That(text.Output, Is.EqualTo("ERR Staging failure\nFTL Report\n"), text.ToString());

        var clef = CliRun.Run("query", "--db", _db, "--app", "reports", "--format", "clef");
        Assert.That(clef.Output, Is.EqualTo(Rows[4].Item2 + "\n"));

        var tree = CliRun.Run("query", "--db", _db, "--task", OtherRoot, "--format", "tree", "--ascii");
        Assert.That(tree.Output, Is.EqualTo($"{OtherRoot}\n`-- ... (start not seen) in 0.000s [reports]\n    `-- 11:00:00.000 FTL Report\n"));
    }

    [Test]
    public void TheTreeCommandReadsTheStore()
    {
        var result = CliRun.Run("tree", "--db", _db, "--task", Root, "--ascii");
        Assert.That(result.ExitCode, Is.EqualTo(0), result.ToString());
        Assert.That(result.Output, Is.EqualTo(
            $"{Root}\n" +
            "`-- ... Import \"a.csv\" in 2.000s [orders]\n" +
            "    |-- 10:00:00.000 INF Import \"a.csv\" => started\n" +
            "    |-- ... /1 (start not seen) in 0.000s\n" +
            "    |   `-- 10:00:01.000 WRN Disk 95% full_ish\n" +
            "    `-- ... /12 (start not seen) in 0.000s [billing]\n" +
            "        `-- 10:00:02.000 ERR Staging failure\n"));
    }
}
