using System.Text;
using Distlog.Collector.Plugins.Redis.Resp;
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
/// <para>Exactly once, where distlogd runs with a journal (stream and list modes): the batch's commands go out in one
/// <c>MULTI</c>/<c>EXEC</c> transaction together with the journal position after its last event (<c>HSET {key}:position
/// {journal id} {next}</c>), so Redis holds the events and the place after them or neither. When the connection breaks
/// (whether or not <c>EXEC</c> was applied) <see cref="EmitBatch"/> throws and the host retries the whole batch; the
/// first thing after reconnecting is to read the stored position, and events below it are not written again. A
/// command Redis rejects inside an applied transaction (<c>WRONGTYPE</c>) would be rejected on every retry: its events
/// are counted as discarded. Without a journal, and in publish mode, delivery is at-least-once: a retried batch may
/// repeat what Redis applied of it before the failure.</para>
/// <para>Threading: the host calls <see cref="EmitBatch"/>, the <see cref="IPositionedSink"/> members and
/// <see cref="Dispose"/> from the plugin's worker only.</para>
/// </remarks>
sealed class RedisSink : IBatchSink, IPositionedSink, IDiscardingSink
{
    /// <summary>The stream entry field holding the CLEF line.</summary>
    public const string StreamField = "clef";

    // Redis accepts longer commands, but it runs one command at a time: a huge RPUSH holds up every other client.
    const int MaxValuesPerPush = 1000;

    readonly RedisSinkOptions _options;
    readonly RedisEndpoint _endpoint;
    readonly byte[] _key;
    readonly string _positionKey;
    readonly ClefLineBuffer _lines = new();
    RespConnection? _connection;
    bool _disposed;
    string? _journalId;
    long _next;
    long _stored;
    long _discarded;
    string _discardCause = "";

    /// <summary>Creates the sink; nothing connects until the first batch.</summary>
    /// <exception cref="ArgumentException">An option is out of range or the server is not <c>host:port</c>; the message names it.</exception>
    public RedisSink(RedisSinkOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        RedisSinkOptionsValidator.Validate(options);
        _options = options;
        _endpoint = RedisEndpoint.Parse(options.Server);
        _key = Encoding.UTF8.GetBytes(options.Key);
        _positionKey = PositionKey(options.Key);
    }

    /// <summary>The hash that holds, per journal id, the id of the next event the plugin writes to <paramref name="key"/>.</summary>
    public static string PositionKey(string key) => key + ":position";

    public long Discarded => _discarded;

    public string DiscardCause => _discardCause;

    /// <summary>Writes the batch to Redis in one pipeline, connecting first where needed.</summary>
    /// <exception cref="RedisException">Redis is unreachable, the connection broke, or Redis rejected a command:
    /// the connection is closed and the whole batch should be retried.</exception>
    public void EmitBatch(EventBatch batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (batch.Count == 0)
            return;

        try
        {
            var connection = Connect();
            _lines.Clear();
            for (var i = 0; i < batch.Count; i++)
            {
                // Below the stored position: written by an earlier attempt whose reply the broken connection lost.
                if (batch.Id(i) >= _stored)
                    _lines.TryAdd(batch, i);
            }
            if (_lines.Count == 0)
                return;

            var transaction = _journalId is not null && _options.Mode != RedisMode.Publish;
            if (transaction)
            {
                connection.Writer.WriteArrayHeader(1);
                connection.Writer.WriteArgument("MULTI"u8);
            }
            var commands = _options.Mode switch
            {
                RedisMode.List => WritePushes(connection.Writer),
                RedisMode.Publish => WritePublishes(connection.Writer),
                _ => WriteStreamAdds(connection.Writer),
            };
            if (transaction)
                WritePositionAndExec(connection.Writer);
            connection.Flush();
            if (transaction)
                ReadTransaction(connection.Reader, commands);
            else
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

    public long? StoredPosition(string journalId)
    {
        if (_options.Mode == RedisMode.Publish)
            return null;
        _journalId = journalId;
        try
        {
            Connect();
            return _stored > 0 ? _stored : null;
        }
        catch (RedisException)
        {
            // Redis is down at start: the saved cursor decides, and the first connection reads the position again.
            CloseConnection();
            return null;
        }
    }

    public void SetPosition(string journalId, long next) => _next = next;

    /// <summary>Closes the connection. Idempotent.</summary>
    public void Dispose()
    {
        if (_disposed)
            return;

        _disposed = true;
        CloseConnection();
        _lines.Dispose();
    }

    /// <summary>The connection; where it is new and the plugin has a journal, the position stored with the data is read first.</summary>
    RespConnection Connect()
    {
        if (_connection is { } open)
            return open;
        var connection = _connection = Open();
        if (_journalId is not null)
        {
            var stored = connection.Execute("HGET", _positionKey, _journalId);
            _stored = stored.AsString() is { } text && long.TryParse(text, out var next) ? next : 0;
        }
        return connection;
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

    void WritePositionAndExec(RespWriter writer)
    {
        writer.WriteArrayHeader(4);
        writer.WriteArgument("HSET"u8);
        writer.WriteArgument(_positionKey);
        writer.WriteArgument(_journalId);
        writer.WriteArgument(_next);
        writer.WriteArrayHeader(1);
        writer.WriteArgument("EXEC"u8);
    }

    /// <summary>Reads the replies to <c>MULTI</c>, the queued commands, <c>HSET</c> and <c>EXEC</c>.</summary>
    /// <exception cref="RedisServerException">Redis refused a command when it was queued, so it applied none (<c>EXECABORT</c>).</exception>
    void ReadTransaction(RespReader reader, int commands)
    {
        string? refused = null;
        for (var i = 0; i < commands + 2; i++)
            refused ??= reader.Skip();
        int errors;
        string? firstError;
        try
        {
            errors = reader.SkipItems(out firstError);
        }
        catch (RedisServerException ex)
        {
            throw new RedisServerException(refused ?? ex.ServerMessage, $"Redis at {_endpoint} refused a batch of {_lines.Count} events on key '{_options.Key}'");
        }
        _stored = _next;
        if (errors == 0)
            return;
        // Applied with the position: a retry would skip these events, and writing them again would fail the same way.
        var lost = _options.Mode == RedisMode.List ? Math.Min(_lines.Count, errors * MaxValuesPerPush) : errors;
        _discarded += lost;
        _discardCause = $"Redis at {_endpoint} rejected them on key '{_options.Key}': {firstError}";
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
