using System.Text;
using Distlog.Collector.Storage.Redis;
using Serilog.Events;

namespace Distlog.Collector.Plugins.Redis;

/// <summary>
/// The collector's <c>redis</c> plugin: writes each event's CLEF line (as received, or formatted for a Python record)
/// to a Redis stream (<c>XADD key MAXLEN ~ N * clef line</c>, the line in the entry field <c>clef</c>), a list
/// (<c>RPUSH key line...</c>) or a channel (<c>PUBLISH key line</c>).
/// </summary>
/// <remarks>
/// <para>A batch goes out as one pipeline: every command written and flushed, then every reply read. The connection
/// (TCP, then AUTH and SELECT where configured) is made on the first batch and again on the batch after a failure.</para>
/// <para>Delivery is at-least-once. When the connection breaks or Redis rejects a command, the connection is closed
/// and <see cref="EmitBatch"/> throws; the host keeps the batch and calls again with the whole of it. Redis may
/// already have applied part of that batch, and those events are then written twice: duplicates rather than loss.</para>
/// <para>Threading: the host calls <see cref="EmitBatch"/> and <see cref="Dispose"/> from the plugin's worker only.</para>
/// </remarks>
internal sealed class RedisSink : IBatchSink
{
    /// <summary>The stream entry field holding the CLEF line.</summary>
    public const string StreamField = "clef";

    // Redis accepts longer commands, but it runs one command at a time: a huge RPUSH holds up every other client.
    const int MaxValuesPerPush = 1000;

    readonly RedisSinkOptions _options;
    readonly RedisEndpoint _endpoint;
    readonly byte[] _key;
    readonly ClefLineBuffer _lines = new();
    RespConnection? _connection;
    bool _disposed;

    /// <summary>Creates the sink; nothing connects until the first batch.</summary>
    /// <exception cref="ArgumentException">An option is out of range or the server is not <c>host:port</c>; the message names it.</exception>
    public RedisSink(RedisSinkOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        RedisSinkOptionsValidator.Validate(options);
        _options = options;
        _endpoint = RedisEndpoint.Parse(options.Server);
        _key = Encoding.UTF8.GetBytes(options.Key);
    }

    /// <summary>Writes the batch to Redis in one pipeline, connecting first where needed.</summary>
    /// <exception cref="RedisException">Redis is unreachable, the connection broke, or Redis rejected a command:
    /// the connection is closed and the whole batch should be retried.</exception>
    public void EmitBatch(IReadOnlyList<LogEvent> batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        ObjectDisposedException.ThrowIf(_disposed, this);

        _lines.Clear();
        for (var i = 0; i < batch.Count; i++)
            _lines.TryAdd(batch, i);
        if (_lines.Count == 0)
            return;

        try
        {
            var connection = _connection ??= Open();
            var commands = _options.Mode switch
            {
                RedisMode.List => WritePushes(connection.Writer),
                RedisMode.Publish => WritePublishes(connection.Writer),
                _ => WriteStreamAdds(connection.Writer),
            };
            connection.Flush();
            ReadReplies(connection.Reader, commands);
        }
        catch
        {
            // How much of the pipeline Redis applied is unknown, and the connection may be out of step:
            // start afresh and let the host send the whole batch again.
            CloseConnection();
            throw;
        }
    }

    /// <summary>Closes the connection. Idempotent.</summary>
    public void Dispose()
    {
        if (_disposed)
            return;

        _disposed = true;
        CloseConnection();
        _lines.Dispose();
    }

    RespConnection Open()
    {
        var connection = RespConnection.Connect(_endpoint, _options.ConnectTimeout, _options.CommandTimeout);
        try
        {
            if (_options.Password is not null)
                connection.Authenticate(_options.Username, _options.Password);
            if (_options.Database != 0)
                connection.Select(_options.Database);
            return connection;
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    int WriteStreamAdds(RespWriter writer)
    {
        for (var i = 0; i < _lines.Count; i++)
        {
            if (_options.MaxLength is { } maxLength)
            {
                writer.WriteArrayHeader(8);
                writer.WriteArgument("XADD"u8);
                writer.WriteArgument(_key);
                writer.WriteArgument("MAXLEN"u8);
                writer.WriteArgument("~"u8);
                writer.WriteArgument(maxLength);
            }
            else
            {
                writer.WriteArrayHeader(5);
                writer.WriteArgument("XADD"u8);
                writer.WriteArgument(_key);
            }

            writer.WriteArgument("*"u8);
            writer.WriteArgument("clef"u8);
            writer.WriteArgument(_lines[i]);
        }

        return _lines.Count;
    }

    int WritePushes(RespWriter writer)
    {
        var commands = 0;
        for (var first = 0; first < _lines.Count; first += MaxValuesPerPush)
        {
            var count = Math.Min(MaxValuesPerPush, _lines.Count - first);
            writer.WriteArrayHeader(count + 2);
            writer.WriteArgument("RPUSH"u8);
            writer.WriteArgument(_key);
            for (var i = first; i < first + count; i++)
                writer.WriteArgument(_lines[i]);
            commands++;
        }

        return commands;
    }

    int WritePublishes(RespWriter writer)
    {
        for (var i = 0; i < _lines.Count; i++)
        {
            writer.WriteArrayHeader(3);
            writer.WriteArgument("PUBLISH"u8);
            writer.WriteArgument(_key);
            writer.WriteArgument(_lines[i]);
        }

        return _lines.Count;
    }

    void ReadReplies(RespReader reader, int commands)
    {
        // Every reply is read, errors or not, so that a rejected command does not leave replies behind.
        string? firstError = null;
        var errors = 0;
        for (var i = 0; i < commands; i++)
        {
            if (reader.Skip() is { } error)
            {
                errors++;
                firstError ??= error;
            }
        }

        if (firstError is not null)
            throw new RedisServerException(firstError, $"Redis at {_endpoint} rejected {errors} of {commands} commands on key '{_options.Key}'");
    }

    void CloseConnection()
    {
        _connection?.Dispose();
        _connection = null;
    }
}
