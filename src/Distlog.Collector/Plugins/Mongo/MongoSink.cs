using System.Text.Json;
using MongoDB.Bson;
using MongoDB.Driver;
using Serilog.Debugging;

namespace Distlog.Collector.Plugins.Mongo;

/// <summary>
/// The collector's <c>mongodb</c> plugin: writes each event as a document (<see cref="ClefDocument"/>) to one collection,
/// a batch at a time with one unordered <c>insertMany</c>.
/// </summary>
/// <remarks>
/// <para>The client is made when the sink is created; the driver connects on the first batch and reconnects by
/// itself. On the first batch the sink also sets up the collection: capped where <see cref="MongoSinkOptions.CappedBytes"/>
/// is set and the collection does not exist yet, and a TTL index on <c>@t</c> where
/// <see cref="MongoSinkOptions.ExpireAfter"/> is set.</para>
/// <para>When the server is unreachable or the write fails, <see cref="EmitBatch"/> throws; the host keeps the batch and
/// calls again with the whole of it. The retry sends the same documents with the same <c>_id</c>s, so that what the
/// server stored the first time is refused as a duplicate key and counted as written: a retried batch is stored once.
/// Documents the server refuses for themselves (too large, a unique index or validator of the user's) would be refused
/// on every retry: they are discarded, and the rest of the batch stored.
/// With distlogd's journal (the default) an event's <c>_id</c> is its place in the journal, <c>"{journal id}-{event id}"</c>
/// (<see cref="IPositionedSink"/> tells the sink the journal's id), so a replay from the journal after distlogd stopped
/// without saving its place (<c>kill -9</c>) is refused as duplicates too: exactly once. Without the journal the
/// <c>_id</c>s are new <c>ObjectId</c>s, and such a replay is at-least-once.</para>
/// <para>Threading: the host calls <see cref="EmitBatch"/> and <see cref="Dispose"/> from the plugin's worker only.</para>
/// </remarks>
sealed class MongoSink : IBatchSink, IDiscardingSink, IPositionedSink
{
    const int DuplicateKey = 11000;
    // The unique index every collection has on _id, as duplicate-key messages name it.
    const string IdIndex = "_id_";

    readonly MongoSinkOptions _options;
    readonly MongoClient _client;
    readonly IMongoCollection<BsonDocument> _collection;
    readonly List<BsonDocument> _documents = [];
    readonly ClefBuffer _clef = new();
    readonly InsertManyOptions _unordered = new() { IsOrdered = false };
    bool _prepared, _retrying, _disposed;
    string? _journalId;

    /// <summary>Creates the sink and its client; nothing connects until the first batch.</summary>
    /// <exception cref="ArgumentException">An option is out of range or the connection string is invalid; the message names it.</exception>
    public MongoSink(MongoSinkOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
        _client = new MongoClient(MongoSinkOptionsValidator.Settings(options));
        _collection = _client.GetDatabase(options.Database).GetCollection<BsonDocument>(options.Collection);
    }

    /// <inheritdoc />
    public long Discarded { get; private set; }

    /// <inheritdoc />
    public string DiscardCause => "the mongodb plugin could not read them as documents, or the server refused them";

    /// <summary>Inserts the batch's documents with one unordered <c>insertMany</c>.</summary>
    /// <exception cref="MongoException">The server is unreachable, or the write failed as a whole: the batch should be retried.</exception>
    public void EmitBatch(EventBatch batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        ObjectDisposedException.ThrowIf(_disposed, this);

        // A retry after a failure is the same batch again (the host keeps it): send the same documents, with the same
        // _id, so that what the server stored of them the first time is refused as a duplicate instead of stored twice.
        if (!_retrying)
        {
            _documents.Clear();
            for (var i = 0; i < batch.Count; i++)
            {
                if (TryRead(batch, i) is { } document)
                    _documents.Add(document);
            }
        }
        if (_documents.Count == 0)
            return;

        _retrying = true;
        if (!_prepared)
        {
            MongoCollectionSetup.Prepare(_collection, _options);
            _prepared = true;
        }
        try
        {
            _collection.InsertMany(_documents, _unordered);
        }
        catch (MongoBulkWriteException ex) when (ex.WriteConcernError is null)
        {
            // Errors on single documents, the rest stored. A duplicate _id is a document an attempt that failed
            // stored (the ids are ours, and new); every other such error (a document over 16 MB, a unique index of
            // the user's, a validator) comes back on every retry, so retrying would stall the plugin: discarded.
            var refused = ex.WriteErrors.Where(e => !IsDuplicateId(e.Category == ServerErrorCategory.DuplicateKey, e.Message)).ToList();
            if (refused.Count > 0)
            {
                Discarded += refused.Count;
                SelfLog.WriteLine("The mongodb plugin's collection {0} refused {1} events: {2}", _options.Collection, refused.Count, refused[0].Message);
            }
        }
        catch (MongoCommandException ex) when (IsDuplicateId(ex.Code == DuplicateKey, ex.Message))
        {
            // A server that fails the whole insert at a duplicate (jongodb does) has not said which of the others it
            // stored: ask it, and store the rest.
            InsertMissing();
        }
        _retrying = false;
    }

    void InsertMissing()
    {
        var ids = new BsonArray(_documents.Select(d => d[ClefDocument.IdField]));
        var filter = new BsonDocument(ClefDocument.IdField, new BsonDocument("$in", ids));
        var projection = new BsonDocument(ClefDocument.IdField, 1);
        var stored = _collection.Find(filter).Project(projection).ToList().Select(d => d[ClefDocument.IdField]).ToHashSet();
        var missing = _documents.Where(d => !stored.Contains(d[ClefDocument.IdField])).ToList();
        if (missing.Count > 0)
            _collection.InsertMany(missing, _unordered);
    }

    static bool IsDuplicateId(bool duplicateKey, string message) =>
        duplicateKey && message.Contains(IdIndex, StringComparison.Ordinal);

    /// <summary>Keeps the journal's id for the documents' <c>_id</c>s; the place itself is the plugin's saved cursor.</summary>
    public long? StoredPosition(string journalId)
    {
        _journalId = journalId;
        return null;
    }

    public void SetPosition(string journalId, long next) => _journalId = journalId;

    /// <summary>Releases the client's connections. Idempotent.</summary>
    public void Dispose()
    {
        if (_disposed)
            return;

        _disposed = true;
        _client.Dispose();
        _clef.Dispose();
    }

    BsonDocument? TryRead(EventBatch batch, int index)
    {
        try
        {
            return ClefDocument.Read(_clef.Line(batch, index), IdOf(batch.Id(index)));
        }
        catch (Exception ex) when (ex is JsonException or FormatException or InvalidOperationException)
        {
            // Reading fails the same way on every retry, so holding the batch back for it would stall the plugin.
            Discarded++;
            SelfLog.WriteLine("The mongodb plugin skips an event it cannot read as a document: {0}", ex);
            return null;
        }
    }

    /// <summary>The event's place in the journal where it has one; else a new <c>ObjectId</c>.</summary>
    BsonValue IdOf(long eventId) =>
        eventId > 0 && _journalId is not null ? new BsonString($"{_journalId}-{eventId}") : ObjectId.GenerateNewId();
}
