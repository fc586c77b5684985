using Distlog.Collector.Configuration;

namespace Distlog.Collector.Plugins.Mongo;

/// <summary>Maps <c>sink: mongodb</c> and its <c>args</c> onto <see cref="MongoSinkOptions"/>.</summary>
static class MongoArguments
{
    public static Func<IBatchSink> Prepare(PluginSettings plugin)
    {
        var args = new PluginArguments(plugin, "connectionString", "database", "collection", "cappedBytes", "expireAfter");
        var defaults = new MongoSinkOptions();
        var options = new MongoSinkOptions
        {
            ConnectionString = args.GetText("connectionString", defaults.ConnectionString),
            Database = args.GetText("database", defaults.Database),
            Collection = args.GetText("collection", defaults.Collection),
            CappedBytes = args.Get("cappedBytes", defaults.CappedBytes),
            ExpireAfter = args.Get("expireAfter", defaults.ExpireAfter),
        };
        args.Check(() => MongoSinkOptionsValidator.Settings(options));
        return () => new MongoSink(options);
    }
}
