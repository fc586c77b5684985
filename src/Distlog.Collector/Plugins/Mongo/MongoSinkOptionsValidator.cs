using MongoDB.Driver;

namespace Distlog.Collector.Plugins.Mongo;

/// <summary>Checks <see cref="MongoSinkOptions"/> and turns them into the driver's client settings.</summary>
static class MongoSinkOptionsValidator
{
    /// <summary>The client settings for <paramref name="options"/>.</summary>
    /// <exception cref="ArgumentException">An option is invalid; <see cref="ArgumentException.ParamName"/> is its <c>args</c> key.</exception>
    public static MongoClientSettings Settings(MongoSinkOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        MongoUrl url;
        try
        {
            url = MongoUrl.Create(options.ConnectionString);
        }
        catch (Exception ex) when (ex is MongoConfigurationException or ArgumentException or FormatException)
        {
            throw new ArgumentException($"not a MongoDB connection string (mongodb://host:port/...): {ex.Message}", "connectionString", ex);
        }
        if (string.IsNullOrWhiteSpace(options.Database) || options.Database.IndexOfAny(['/', '\\', '.', ' ', '"', '$', '\0']) >= 0)
            throw new ArgumentException($"'{options.Database}' is not a database name (no /\\. \"$ or spaces)", "database");
        if (string.IsNullOrWhiteSpace(options.Collection) || options.Collection.StartsWith("system.", StringComparison.Ordinal)
            || options.Collection.IndexOfAny(['$', '\0']) >= 0)
            throw new ArgumentException($"'{options.Collection}' is not a collection name (no $, not system.*)", "collection");
        if (options.CappedBytes is <= 0)
            throw new ArgumentException("expected a size of 1 or more bytes, or null for an uncapped collection", "cappedBytes");
        if (options.ExpireAfter is { } expireAfter && (expireAfter < TimeSpan.FromSeconds(1) || expireAfter.Ticks % TimeSpan.TicksPerSecond != 0))
            throw new ArgumentException("expected whole seconds, 1s or more (TTL indexes count seconds), or null to keep events", "expireAfter");

        var settings = MongoClientSettings.FromUrl(url);
        if (!HasOption(options.ConnectionString, "serverSelectionTimeoutMS"))
            settings.ServerSelectionTimeout = MongoSinkOptions.DefaultServerSelectionTimeout;
        if (!HasOption(options.ConnectionString, "socketTimeoutMS") && !HasOption(options.ConnectionString, "timeoutMS"))
            settings.SocketTimeout = MongoSinkOptions.DefaultSocketTimeout;
        return settings;
    }

    /// <summary>Whether the connection string's options (after <c>?</c>) name <paramref name="name"/>, in any case.</summary>
    static bool HasOption(string connectionString, string name)
    {
        var query = connectionString.IndexOf('?', StringComparison.Ordinal);
        if (query < 0)
            return false;
        foreach (var option in connectionString[(query + 1)..].Split('&', ';'))
        {
            var key = option.Split('=', 2)[0];
            if (key.Equals(name, StringComparison.OrdinalIgnoreCase))
                return true;
        }
        return false;
    }
}
