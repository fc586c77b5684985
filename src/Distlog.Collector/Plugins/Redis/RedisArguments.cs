using Distlog.Collector.Configuration;

namespace Distlog.Collector.Plugins.Redis;

/// <summary>Maps <c>sink: redis</c> and its <c>args</c> onto <see cref="RedisSinkOptions"/>.</summary>
static class RedisArguments
{
    public static Func<IBatchSink> Prepare(PluginSettings plugin)
    {
        var args = new PluginArguments(plugin, "server", "mode", "key", "maxLength", "username", "password", "database",
            "connectTimeout", "commandTimeout");
        var defaults = new RedisSinkOptions();
        var options = new RedisSinkOptions
        {
            Server = args.GetText("server", defaults.Server),
            Mode = args.Get("mode", defaults.Mode),
            Key = args.GetText("key", defaults.Key),
            MaxLength = args.Get("maxLength", defaults.MaxLength),
            Username = args.Get("username", defaults.Username),
            Password = args.Get("password", defaults.Password),
            Database = args.Get("database", defaults.Database),
            ConnectTimeout = args.Get("connectTimeout", defaults.ConnectTimeout),
            CommandTimeout = args.Get("commandTimeout", defaults.CommandTimeout),
        };
        args.Check(() => RedisSinkOptionsValidator.Validate(options));
        return () => new RedisSink(options);
    }
}
