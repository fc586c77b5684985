using MongoDB.Bson;
using MongoDB.Driver;

namespace Distlog.Collector.Plugins.Mongo;

/// <summary>Creates the plugin's collection capped and its TTL index, where the options ask for them.</summary>
static class MongoCollectionSetup
{
    /// <summary>The name of the TTL index on <c>@t</c>.</summary>
    public const string ExpiryIndex = "distlog_expiry";

    const int NamespaceExists = 48;

    /// <summary>Idempotent: an existing collection is left as it is (capped or not), an index that exists is kept.</summary>
    /// <exception cref="MongoException">The server is unreachable or refused.</exception>
    public static void Prepare(IMongoCollection<BsonDocument> collection, MongoSinkOptions options)
    {
        if (options.CappedBytes is { } cappedBytes)
        {
            try
            {
                collection.Database.CreateCollection(collection.CollectionNamespace.CollectionName,
                    new CreateCollectionOptions { Capped = true, MaxSize = cappedBytes });
            }
            catch (MongoCommandException ex) when (ex.Code == NamespaceExists)
            {
                // Made before, capped or not: changing that is the user's decision (convertToCapped), not ours.
            }
        }

        if (options.ExpireAfter is { } expireAfter)
        {
            var keys = Builders<BsonDocument>.IndexKeys.Ascending("@t");
            collection.Indexes.CreateOne(new CreateIndexModel<BsonDocument>(keys,
                new CreateIndexOptions { Name = ExpiryIndex, ExpireAfter = expireAfter }));
        }
    }
}
