using Distlog.Clef;
using Distlog.Cli.Filtering;
using Distlog.Cli.Input;
using Distlog.Cli.Rendering;
using Distlog.Rendering;
using Distlog.Transport;

namespace Distlog.Cli.Tailing;

/// <summary>
/// Follows the collector's publish socket: a SUB socket subscribed by <see cref="TailSubscriptions"/>, each event
/// checked against the filters and written to an <see cref="IEventOutput"/>. Best effort by nature: PUB drops for
/// slow subscribers and a new subscriber misses what was published before it joined.
/// One instance runs once, on the calling thread, which owns the socket.
/// </summary>
sealed class EventTail
{
    static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(100);

    readonly TailOptions _options;
    readonly IEventOutput _output;
    readonly TextWriter _error;
    readonly EventFilter _filter;

    /// <summary>Creates a tail writing to <paramref name="output"/>; bad published events are reported on <paramref name="error"/>.</summary>
    public EventTail(TailOptions options, IEventOutput output, TextWriter error)
    {
        _options = options;
        _output = output;
        _error = error;
        _filter = new EventFilter { MinimumLevel = options.MinimumLevel, Task = options.Task, Expression = options.Expression };
    }

    /// <summary>Raised once the socket is connected and subscribed; tests start publishing then.</summary>
    public event Action? Subscribed;

    /// <summary>Follows until <paramref name="cancellationToken"/> is cancelled or <see cref="TailOptions.Count"/>
    /// events were written; returns how many were written. Always completes the output.</summary>
    public async Task<long> RunAsync(CancellationToken cancellationToken)
    {
        // Started before distlogd (a script, a reboot), tail waits for it and says so, instead of failing.
        await EndpointProbe.WaitUntilReachableAsync(_options.Endpoint, _options.ConnectTimeout,
            "is distlogd running with a publish plugin? (--endpoint)",
            reason => _error.WriteLine($"distlog: waiting for {_options.Endpoint} ({reason}); is distlogd running with a publish plugin? Retrying until it answers, Ctrl-C to stop"),
            cancellationToken).ConfigureAwait(false);
        if (cancellationToken.IsCancellationRequested)
            return 0;

        // The socket belongs to one thread: the whole receive loop runs on a thread of its own.
        return await Task.Factory.StartNew(() => Receive(cancellationToken), cancellationToken,
            TaskCreationOptions.LongRunning, TaskScheduler.Default).ConfigureAwait(false);
    }

    long Receive(CancellationToken cancellationToken)
    {
        long written = 0;
        try
        {
            using var transport = CliTransport.Open(waitOnDispose: false);
            using var socket = transport.CreateSocket(ZmqSocketType.Sub);
            Connect(socket);
            foreach (var prefix in TailSubscriptions.Prefixes(_options))
                socket.Subscribe(System.Text.Encoding.UTF8.GetBytes(prefix));
            Subscribed?.Invoke();
            _error.WriteLine($"distlog: connected to {_options.Endpoint}; waiting for events (Ctrl-C to stop)");
            _error.Flush();

            while (!cancellationToken.IsCancellationRequested && (_options.Count is not { } count || written < count))
            {
                var frames = ReceiveMultipart(socket);
                if (frames is null)
                    _output.Poll();
                if (frames is null || frames.Length < 2 || !TailSubscriptions.Matches(frames[0], _options))
                    continue;
                written += Write(frames[1], _options.Count - written);
            }
        }
        finally
        {
            _output.Complete();
        }

        return written;
    }

    void Connect(IClientSocket socket)
    {
        try
        {
            _options.Curve?.ApplyTo(socket);
            socket.Connect(_options.Endpoint);
        }
        catch (ZmqException ex)
        {
            throw new CliException($"cannot connect to '{_options.Endpoint}': {ex.Message}", ExitCodes.Failure, ex);
        }
    }

    /// <summary>Waits up to the poll interval for a message and returns copies of its frames; null where none came.</summary>
    static byte[][]? ReceiveMultipart(IClientSocket socket)
    {
        if (!socket.WaitForMessage(PollInterval) || !socket.TryReceive(out var frame, out var more))
            return null;
        var frames = new List<byte[]> { frame.ToArray() };
        // ZeroMQ delivers the frames of a message together: the rest are already here.
        while (more && socket.TryReceive(out frame, out more))
            frames.Add(frame.ToArray());
        return [.. frames];
    }

    // A published payload holds one CLEF event; a batch of lines is accepted too.
    int Write(ReadOnlyMemory<byte> payload, long? room)
    {
        var written = 0;
        while (!payload.IsEmpty && (room is null || written < room))
        {
            var end = payload.Span.IndexOf((byte)'\n');
            var line = end < 0 ? payload : payload[..end];
            payload = end < 0 ? ReadOnlyMemory<byte>.Empty : payload[(end + 1)..];
            if (line.Span.TrimEnd("\r \t"u8).IsEmpty)
                continue;

            if (!ClefReader.TryRead(line.Span, out var logEvent, out var reason))
            {
                _error.WriteLine(ControlCharacters.Escape($"skipped a published event that is not valid CLEF: {reason}"));
                continue;
            }

            if (!_filter.Matches(logEvent))
                continue;
            _output.Write(new ClefRecord(logEvent, line));
            written++;
        }

        return written;
    }
}
