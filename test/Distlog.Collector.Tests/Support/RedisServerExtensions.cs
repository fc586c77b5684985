using Distlog.Collector.Plugins.Redis.Resp;

namespace Distlog.Collector.Tests.Support;

/// <summary>The shared <see cref="RedisServer"/> through the collector's own RESP client.</summary>
static class RedisServerExtensions
{
    extension(RedisServer server)
    {
        /// <summary>The server's address as an endpoint.</summary>
        public RedisEndpoint Endpoint => new("127.0.0.1", server.Port);

        /// <summary>A new connection, authenticated where the server has a password, on <paramref name="database"/>.</summary>
        public RespConnection Connect(int database = 0)
        {
            var connection = RespConnection.Connect(server.Endpoint);
            if (server.Password is not null)
                connection.Authenticate(null, server.Password);
            if (database != 0)
                connection.Select(database);
            return connection;
        }
    }
}
