using Distlog.Collector.Configuration;
using Distlog.Collector.Plugins;

namespace Distlog.Collector.Tests.Plugins.Mongo;

sealed class MongoArgumentsTests
{
    [TestCase("connectionString: \"localhost:27017\"", "plugins[0].args.connectionString: not a MongoDB connection string (mongodb://host:port/...)")]
    [TestCase("connectionString: \"mongodb://h:99999\"", "plugins[0].args.connectionString: not a MongoDB connection string")]
    [TestCase("database: \"a.b\"", "plugins[0].args.database: 'a.b' is not a database name")]
    [TestCase("collection: \"system.x\"", "plugins[0].args.collection: 'system.x' is not a collection name")]
    [TestCase("cappedBytes: 0", "plugins[0].args.cappedBytes: expected a size of 1 or more bytes")]
    [TestCase("expireAfter: 500ms", "plugins[0].args.expireAfter: expected whole seconds, 1s or more")]
    [TestCase("expireAfter: soon", "plugins[0].args.expireAfter: expected TimeSpan or null")]
    [TestCase("colection: x", "plugins[0].args.colection: unknown argument 'colection' for sink 'mongodb'; known arguments: connectionString, database, collection, cappedBytes, expireAfter")]
    public void ABadArgumentIsAConfigErrorAtItsFileLineAndKey(string argument, string problem)
    {
        var settings = ConfigLoader.Parse($"plugins:\n  - sink: mongodb\n    args:\n      {argument}\n", "distlogd.yaml");

        var error = Assert.Throws<ConfigException>(() => PluginFactory.Prepare(settings.Plugins[0]))!;

        Assert.That(error.Message, Does.StartWith("distlogd.yaml:4: " + problem));
    }

    [TestCase("mongodb://h", 5, 30)]
    [TestCase("mongodb://h/?connectTimeoutMS=1000", 5, 30)]
    [TestCase("mongodb://h/?serverSelectionTimeoutMS=1000&socketTimeoutMS=2000", 1, 2)]
    [TestCase("mongodb://h/?SOCKETTIMEOUTMS=0", 5, 0)]
    public void TimeoutsTheConnectionStringLeavesOutAreBounded(string connectionString, int serverSelectionSeconds, int socketSeconds)
    {
        var settings = Distlog.Collector.Plugins.Mongo.MongoSinkOptionsValidator.Settings(new() { ConnectionString = connectionString });

        Assert.That(settings.ServerSelectionTimeout, Is.EqualTo(TimeSpan.FromSeconds(serverSelectionSeconds)));
        Assert.That(settings.SocketTimeout, Is.EqualTo(TimeSpan.FromSeconds(socketSeconds)));
    }

    [Test]
    public void EveryArgumentHasADefault()
    {
        var settings = ConfigLoader.Parse("plugins:\n  - sink: mongodb\n", "distlogd.yaml");

        using var sink = PluginFactory.Prepare(settings.Plugins[0])();

        Assert.That(sink, Is.Not.Null, "made without connecting");
    }
}
