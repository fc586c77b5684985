namespace Distlog.Collector.Plugins.Mongo;

/// <summary>
/// Settings of the mongodb plugin (<c>sink: mongodb</c>); each property is the YAML <c>args</c> key of the same name in camelCase.
/// </summary>
sealed record MongoSinkOptions
{
    /// <summary>The default <see cref="ConnectionString"/>.</summary>
    public const string DefaultConnectionString = "mongodb://localhost:27017";

    /// <summary>The default <see cref="Database"/>.</summary>
    public const string DefaultDatabase = "distlog";

    /// <summary>The default <see cref="Collection"/>.</summary>
    public const string DefaultCollection = "events";

    /// <summary>How long a batch waits for a reachable server where the connection string does not say
    /// (<c>serverSelectionTimeoutMS</c>): the driver's own default, 30 s, would hold a failing batch that long per attempt.</summary>
    public static readonly TimeSpan DefaultServerSelectionTimeout = TimeSpan.FromSeconds(5);

    /// <summary>How long a batch waits for the server's reply where the connection string does not say
    /// (<c>socketTimeoutMS</c> or <c>timeoutMS</c>): the driver's own default is to wait for ever, and a server that stops
    /// answering would then hold the plugin for ever instead of failing the batch and retrying it.</summary>
    public static readonly TimeSpan DefaultSocketTimeout = TimeSpan.FromSeconds(30);

    /// <summary>A MongoDB connection string (<c>mongodb://</c> or <c>mongodb+srv://</c>). Default <c>mongodb://localhost:27017</c>.</summary>
    public string ConnectionString { get; init; } = DefaultConnectionString;

    /// <summary>The database. Default <c>distlog</c>.</summary>
    public string Database { get; init; } = DefaultDatabase;

    /// <summary>The collection. Default <c>events</c>.</summary>
    public string Collection { get; init; } = DefaultCollection;

    /// <summary>Where set, the collection is created capped at this many bytes (where it does not exist yet). Default null.</summary>
    public long? CappedBytes { get; init; }

    /// <summary>Where set, a TTL index on <c>@t</c> removes events this long after their timestamp. Default null.</summary>
    public TimeSpan? ExpireAfter { get; init; }
}
