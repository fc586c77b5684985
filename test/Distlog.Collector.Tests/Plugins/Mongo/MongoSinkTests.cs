using System.Text;
using Distlog.Collector.Clef;
using Distlog.Collector.Events;
using Distlog.Collector.Plugins;
using Distlog.Collector.Plugins.Mongo;
using Distlog.Collector.Tests.Plugins.Redis;
using Distlog.Collector.Tests.Support;
using MongoDB.Bson;
using MongoDB.Driver;
using Serilog.Events;

namespace Distlog.Collector.Tests.Plugins.Mongo;

sealed class MongoSinkTests
{
    const string Database = "distlog";

    JongodbServer _server = null!;
    string _collection = null!;

    [OneTimeSetUp]
    public void StartServer() => _server = JongodbServer.Start();

    [OneTimeTearDown]
    public void StopServer() => _server.Dispose();

    [SetUp]
    public void NameCollection() => _collection = $"events_{Guid.NewGuid():N}";

    [Test]
    public void EachEventBecomesADocumentWithItsClefFieldsAndItsTimestampAsADate()
    {
        const string line = """{"@t":"2024-05-01T12:00:00.1234567+02:00","@mt":"Order {Id} took {Ms} ms","@l":"Warning","@x":"System.Exception: boom","Id":42,"Big":9000000000,"Ms":12.5,"Ok":true,"None":null,"Name":"Grüße 🌍","Tags":["a",1],"Customer":{"Name":"leo","Age":7},"_id":"mine"}""";
        using var sink = NewSink();

        sink.EmitBatch(Batch(line));

        var document = Documents().Single();
        Assert.That(document["_id"].IsObjectId, Is.True, "the document's own key");
        Assert.That(document["@t"], Is.EqualTo(new BsonDateTime(new DateTime(2024, 5, 1, 10, 0, 0, 123, DateTimeKind.Utc))), "a BSON date, in UTC, to the millisecond");
        Assert.That(document["@mt"].AsString, Is.EqualTo("Order {Id} took {Ms} ms"));
        Assert.That(document["@l"].AsString, Is.EqualTo("Warning"));
        Assert.That(document["@x"].AsString, Is.EqualTo("System.Exception: boom"));
        Assert.That(document["Id"], Is.EqualTo(new BsonInt32(42)));
        Assert.That(document["Big"], Is.EqualTo(new BsonInt64(9_000_000_000)));
        Assert.That(document["Ms"], Is.EqualTo(new BsonDouble(12.5)));
        Assert.That(document["Ok"], Is.EqualTo(BsonBoolean.True));
        Assert.That(document["None"], Is.EqualTo(BsonNull.Value));
        Assert.That(document["Name"].AsString, Is.EqualTo("Grüße 🌍"));
        Assert.That(document["Tags"], Is.EqualTo(new BsonArray { "a", 1 }));
        Assert.That(document["Customer"], Is.EqualTo(new BsonDocument { { "Name", "leo" }, { "Age", 7 } }));
        Assert.That(document["@_id"].AsString, Is.EqualTo("mine"), "a property named _id does not take the document's key");
    }

    [Test]
    public void AnEventWithoutALineIsWrittenAsItsClef()
    {
        using var sink = NewSink();

        // A Python record reaches the plugins as a built event with no CLEF line.
        sink.EmitBatch(NumberedEvents.Create(3));

        var documents = Documents();
        Assert.That(documents.Select(d => d["Number"].AsInt32), Is.EquivalentTo(new[] { 0, 1, 2 }));
        Assert.That(documents.Select(d => d["Name"].AsString), Is.All.EqualTo("Grüße 🌍"));
        Assert.That(documents.Select(d => d["@mt"].AsString), Is.All.EqualTo("Event {Number} of {Name}"));
        Assert.That(documents.Select(d => d["@t"].ToUniversalTime()).Min(), Is.EqualTo(new DateTime(2025, 1, 2, 3, 4, 5, DateTimeKind.Utc)));
    }

    [Test]
    public void EveryEventOfEveryBatchIsStoredOnce()
    {
        using var sink = NewSink();

        for (var first = 0; first < 5_000; first += 1_000)
            sink.EmitBatch(Batch(Enumerable.Range(first, 1_000).Select(n => Some.ClefLine(n)).ToArray()));

        Assert.That(Documents().Select(d => d["N"].AsInt32).Order(), Is.EqualTo(Enumerable.Range(0, 5_000)));
    }

    [Test]
    public void EventsReplayedFromTheJournalAfterACrashAreStoredOnce()
    {
        // distlogd killed before it saved its place: the restarted plugin (a new sink) gets the same journal events again.
        var first = Batch(Enumerable.Range(0, 1_000).Select(n => Some.ClefLine(n)).ToArray(), firstId: 1);
        var replayed = Batch(Enumerable.Range(500, 1_000).Select(n => Some.ClefLine(n)).ToArray(), firstId: 501);
        using (var sink = NewSink())
        {
            sink.StoredPosition("journal-a");
            sink.EmitBatch(first);
        }
        using (var restarted = NewSink())
        {
            restarted.StoredPosition("journal-a");
            restarted.EmitBatch(replayed);
        }

        var documents = Documents();
        Assert.That(documents.Select(d => d["N"].AsInt32).Order(), Is.EqualTo(Enumerable.Range(0, 1_500)));
        Assert.That(documents.Select(d => d["_id"].AsString), Has.Some.EqualTo("journal-a-1"));
    }

    [Test]
    public void ALineThatIsNotJsonIsDiscardedAndTheRestOfItsBatchStored()
    {
        using var sink = NewSink();

        sink.EmitBatch(Batch(Some.ClefLine(1), "{\"@t\":\"not a time\",\"@mt\":\"x\"}", "not json", Some.ClefLine(2)));

        Assert.That(Documents().Select(d => d["N"].AsInt32).Order(), Is.EqualTo(new[] { 1, 2 }));
        Assert.That(sink.Discarded, Is.EqualTo(2));
    }

    [Test]
    public void WhileTheServerIsDownEmitBatchThrowsAndTheSameBatchIsStoredAfterARestart()
    {
        using var sink = NewSink();
        sink.EmitBatch(Batch(Some.ClefLine(0)));
        var batch = Batch(Enumerable.Range(1, 100).Select(n => Some.ClefLine(n)).ToArray());

        _server.Kill();
        Assert.That(() => sink.EmitBatch(batch), Throws.InstanceOf<MongoException>().Or.InstanceOf<TimeoutException>());
        _server.Restart(); // empty: jongodb keeps its data in memory
        sink.EmitBatch(batch);

        Assert.That(Documents().Select(d => d["N"].AsInt32).Order(), Is.EqualTo(Enumerable.Range(1, 100)));
    }

    [Test]
    public void ABatchWhoseReplyWasLostIsRetriedWithTheSameIdsAndStoredOnce()
    {
        using var proxy = new WireProxy(_server.Port);
        using var sink = NewSink(connectionString: $"mongodb://127.0.0.1:{proxy.Port}/?serverSelectionTimeoutMS=2000&retryWrites=false");
        sink.EmitBatch(Batch(Some.ClefLine(0)));
        var batch = Batch(Enumerable.Range(1, 100).Select(n => Some.ClefLine(n)).ToArray());

        proxy.LoseNextReplyTo("insert");
        Assert.That(() => sink.EmitBatch(batch), Throws.InstanceOf<MongoException>());
        Assert.That(proxy.Lost, Is.EqualTo(1));
        Assert.That(Documents(), Has.Count.EqualTo(101), "the server stored the batch whose reply was lost");
        sink.EmitBatch(batch);

        Assert.That(Documents().Select(d => d["N"].AsInt32).Order(), Is.EqualTo(Enumerable.Range(0, 101)));
        Assert.That(sink.Discarded, Is.Zero, "the refused duplicates were stored, not discarded");
    }

    [Test]
    public void WithCappedBytesOnAServerThatCannotCreateCollectionsEveryBatchFailsWithTheServersMessage()
    {
        // jongodb has no create command, so CI cannot check a capped collection (docs/mongodb.md); what it can check is
        // that the plugin never writes uncapped where a cap was asked for, and says why.
        using var sink = NewSink(cappedBytes: 16_384);
        var batch = Batch(Some.ClefLine(1));

        for (var attempt = 0; attempt < 2; attempt++)
            Assert.That(() => sink.EmitBatch(batch), Throws.InstanceOf<MongoCommandException>().With.Message.Contains("create"));
        Assert.That(Documents(), Is.Empty);
    }

    [Test]
    public void WithExpireAfterATtlIndexOnTheTimestampIsCreated()
    {
        using var sink = NewSink(expireAfter: TimeSpan.FromDays(7));

        sink.EmitBatch(Batch(Some.ClefLine(1)));
        sink.EmitBatch(Batch(Some.ClefLine(2)));

        var indexes = _server.Collection(Database, _collection).Indexes.List().ToList();
        var expiry = indexes.Single(i => i["name"] == MongoCollectionSetup.ExpiryIndex);
        Assert.That(expiry["key"], Is.EqualTo(new BsonDocument("@t", 1)), expiry.ToString());
        Assert.That(expiry["expireAfterSeconds"].ToInt64(), Is.EqualTo(7 * 86_400), expiry.ToString());
    }

    MongoSink NewSink(long? cappedBytes = null, TimeSpan? expireAfter = null, string? connectionString = null) => new(new MongoSinkOptions
    {
        ConnectionString = connectionString ?? _server.ConnectionString,
        Database = Database,
        Collection = _collection,
        CappedBytes = cappedBytes,
        ExpireAfter = expireAfter,
    });

    List<BsonDocument> Documents() => _server.Collection(Database, _collection).Find(FilterDefinition<BsonDocument>.Empty).ToList();

    static EventBatch Batch(params string[] lines) => Batch(lines, firstId: 0);

    /// <summary>Events with journal ids from <paramref name="firstId"/> on (0: none, as without a journal).</summary>
    static EventBatch Batch(string[] lines, long firstId)
    {
        var batch = new EventBatch(lines.Length);
        for (var i = 0; i < lines.Length; i++)
        {
            var summary = default(ClefSummary);
            batch.Add(new Distlog.Collector.Events.IngestedEvent(summary, EventBatch.DefaultSystem, Encoding.UTF8.GetBytes(lines[i]))
            {
                Id = firstId == 0 ? 0 : firstId + i,
            });
        }
        return batch;
    }
}
