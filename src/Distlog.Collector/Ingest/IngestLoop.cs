using System.Runtime.InteropServices;
using Distlog.Collector.Configuration;
using Distlog.Collector.Events;
using Distlog.Collector.Journal;
using Distlog.Collector.Plugins;
using Distlog.Transport;

namespace Distlog.Collector.Ingest;

/// <summary>
/// The ingest thread: one PULL socket bound on every configured endpoint, one reusable <see cref="ZmqMessage"/>,
/// decoding each two-frame message and offering its events, all at once, to every plugin host. The socket lives and
/// dies on this thread.
/// </summary>
/// <remarks>
/// The size limit is enforced here, per message, because libzmq's <c>ZMQ_MAXMSGSIZE</c> would drop the whole
/// connection and the messages queued behind the large one. <c>ZMQ_MAXMSGSIZE</c> is set only as a last-resort
/// memory guard, <see cref="HardLimitFactor"/> times larger; <see cref="HardLimitWatch"/> counts what libzmq refuses there.
/// </remarks>
sealed partial class IngestLoop : IDisposable
{
    public const int HardLimitFactor = 16;
    public const long MinimumHardLimit = 64L * 1024 * 1024;
    static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(100);

    // Under a steady stream ingest never runs out of messages: acknowledgements go out at least this often all the same.
    const int AckEveryMessages = 32;

    readonly IngestSettings _settings;
    // An array, so that the loops over it for every message allocate no enumerator.
    readonly PluginHost[] _plugins;
    readonly RejectionReporter _rejections;
    readonly Security.CurveServer? _curve;
    readonly ClientScreen? _screen;
    readonly MessageDecoder _decoder;
    readonly EventJournal? _journal;
    readonly IReadOnlyList<string> _controlEndpoints;
    readonly ClefBuffer _clef = new();
    AckChannel? _acks;
    HardLimitWatch? _hardLimitWatch;
    readonly Thread _thread;
    readonly ManualResetEventSlim _started = new();
    Exception? _startFailure;
    volatile bool _stopping;
    // The number of the last line offered to the plugins (ingest thread only).
    long _offeredLine;

    public IngestLoop(IngestSettings settings, IReadOnlyList<PluginHost> plugins, RejectionReporter rejections,
        EventJournal? journal = null, IReadOnlyList<string>? controlEndpoints = null)
    {
        _settings = settings;
        _journal = journal;
        _controlEndpoints = controlEndpoints ?? [];
        _plugins = [.. plugins];
        _rejections = rejections;
        _decoder = new MessageDecoder(rejections, LinesReleased);
        _thread = new Thread(Run) { Name = "distlogd ingest", IsBackground = true };
    }

    /// <summary>The collector's CURVE, which the socket then requires and which checks each message; null without.</summary>
    public Security.CurveServer? Curve
    {
        get => _curve;
        init
        {
            _curve = value;
            _screen = value is null ? null : new ClientScreen(() => value.Clients, _rejections);
        }
    }

    /// <summary>The endpoints actually bound (a <c>*</c> port resolved), known once <see cref="Start"/> returned.</summary>
    public IReadOnlyList<string> BoundEndpoints { get; private set; } = [];

    /// <summary>The control endpoints actually bound, where acknowledgements go out.</summary>
    public IReadOnlyList<string> BoundControlEndpoints => _acks?.BoundEndpoints ?? [];

    /// <summary>Chunks of received lines allocated so far (for tests; read once ingest is idle).</summary>
    internal int LineChunksAllocated => _decoder.LineChunksAllocated;

    /// <summary>Connections that ended and were looked at for a message over the hard limit (for tests; Linux only).</summary>
    internal int ConnectionsLookedAt => _hardLimitWatch?.LookedAt ?? 0;

    /// <summary>Binds the endpoints on the ingest thread and starts receiving; throws what binding threw.</summary>
    public void Start()
    {
        _thread.Start();
        _started.Wait();
        if (_startFailure is not null)
        {
            _thread.Join();
            throw _startFailure;
        }
    }

    /// <summary>
    /// Stops receiving and closes the socket; messages not yet received are not read. False where the thread has not
    /// ended within <paramref name="timeout"/> (it is offering a message to a plugin that blocks).
    /// </summary>
    public bool Stop(TimeSpan timeout)
    {
        _stopping = true;
        return !_thread.IsAlive || _thread.Join(timeout);
    }

    public void Dispose()
    {
        Stop(Timeout.InfiniteTimeSpan);
        _started.Dispose();
    }

    /// <summary>
    /// Whether nothing holds a line numbered up to <paramref name="line"/>: every such line has been offered to the
    /// plugins (the message being decoded has not), and no plugin still holds one. Asked on the ingest thread.
    /// </summary>
    bool LinesReleased(long line)
    {
        if (line > _offeredLine)
            return false;
        foreach (var plugin in _plugins)
        {
            if (!plugin.HoldsNoLineUpTo(line))
                return false;
        }
        return true;
    }

    void Run()
    {
        ZmqSocket socket;
        try
        {
            socket = Open();
            if (_journal is not null && _controlEndpoints.Count > 0)
                _acks = new AckChannel(_controlEndpoints, Curve);
        }
        catch (Exception ex)
        {
            _startFailure = ex;
            _started.Set();
            return;
        }

        using (socket)
        using (_acks)
        using (var message = new ZmqMessage())
        using (var idFrame = new ZmqMessage())
        {
            _started.Set();
            Receive(socket, message, idFrame);
        }
    }

    ZmqSocket Open()
    {
        var socket = ZmqContext.Shared.CreateSocket(ZmqSocketType.Pull);
        try
        {
            socket.Linger = TimeSpan.Zero;
            socket.ReceiveTimeout = PollInterval;
            socket.ReceiveHighWatermark = _settings.ReceiveHighWatermark;
            var hardLimit = Math.Max(MinimumHardLimit, (long)_settings.MaxMessageBytes * HardLimitFactor);
            socket.MaxMessageSize = hardLimit;
            // libzmq tells nobody of a message over the hard limit: the watch counts it, from the socket's one monitor.
            var watch = _hardLimitWatch = TcpDescriptor.IsSupported ? new HardLimitWatch(_rejections, hardLimit) : null;
            if (Curve is not null)
                Curve.ApplyTo(socket, observer: watch);
            else if (watch is not null)
                Security.ZapHandler.Shared.Watch(socket, watch);
            var bound = new List<string>(_settings.Endpoints.Count);
            foreach (var endpoint in _settings.Endpoints)
            {
                socket.Bind(endpoint);
                bound.Add(socket.LastEndpoint);
                watch?.Listen(bound);
            }
            BoundEndpoints = bound;
            return socket;
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    void Receive(ZmqSocket socket, ZmqMessage message, ZmqMessage idFrame)
    {
        var sinceAcks = 0;
        Span<byte> topic = stackalloc byte[16];
        var events = new List<IngestedEvent>(256);
        while (!_stopping)
        {
            // While messages keep coming, plugin workers are woken once per burst; before ingest waits for the next
            // message, every deferred wake-up is made, so an event never waits for the one after it.
            if (!socket.TryReceive(message, dontWait: true))
            {
                SendAcknowledgements();
                sinceAcks = 0;
                foreach (var plugin in _plugins)
                    plugin.WakeWorker();
                if (!socket.TryReceive(message))
                    continue;
            }
            else if (++sinceAcks >= AckEveryMessages)
            {
                SendAcknowledgements();
                sinceAcks = 0;
            }

            _rejections.Counters.CountMessage();
            var topicLength = Math.Min(message.Data.Length, topic.Length);
            message.Data[..topicLength].CopyTo(topic);
            if (!message.More)
            {
                _rejections.Reject(RejectReason.WrongFrameCount, "a message with 1 frame; expected 2 (topic, payload)");
                continue;
            }

            if (!socket.TryReceive(message))
            {
                _rejections.Reject(RejectReason.WrongFrameCount, "a message whose second frame never arrived");
                continue;
            }
            var batch = BatchId.None;
            if (message.More)
            {
                // A third frame is an acknowledged batch's id; a fourth is wrong. The payload stays in message.
                var frames = 3;
                var read = socket.TryReceive(idFrame);
                while (read && idFrame.More && socket.TryReceive(idFrame))
                    frames++;
                if (frames > 3 || !read || !BatchId.TryParse(idFrame.Data, out batch))
                {
                    _rejections.Reject(RejectReason.WrongFrameCount, frames > 3 || !read
                        ? $"a message with {frames} frames; expected 2 (topic, payload) or 3 (topic, payload, batch id)"
                        : $"a third frame of {idFrame.Data.Length} bytes that is not a batch id (32 bytes)");
                    continue;
                }
                if (_journal is not null && _journal.Contains(batch))
                {
                    // Resent after its acknowledgement was lost: acknowledged again, journaled once.
                    _journal.Counters.CountDuplicate();
                    Acknowledge(batch);
                    continue;
                }
            }

            if (message.Data.Length > _settings.MaxMessageBytes)
            {
                _rejections.Reject(RejectReason.TooLarge, $"a message of {message.Data.Length} bytes; ingest.maxMessageBytes is {_settings.MaxMessageBytes}");
                // Sending it again would not make it smaller.
                Acknowledge(batch);
                continue;
            }

            try
            {
                _decoder.Decode(topic[..topicLength], message.Data, events);
            }
            catch (Exception ex)
            {
                // A fault of ours, not of the input (bad input is rejected with its reason): the message is lost,
                // counted and reported, and ingest goes on.
                events.Clear();
                _rejections.Reject(RejectReason.InternalError, $"a message of {message.Data.Length} bytes could not be decoded: {ex.GetType().Name}: {ex.Message}");
                continue;
            }

            _screen?.Screen(message, events);
            if (events.Count == 0)
            {
                // Nothing in it could be accepted: resending it would not change that.
                Acknowledge(batch);
                continue;
            }
            if (_journal is null)
                Offer(events);
            else
                AppendToJournal(events, batch);
            events.Clear();
        }
        SendAcknowledgements();
    }

    void Offer(List<IngestedEvent> events)
    {
        _rejections.Counters.CountAccepted(events.Count);
        foreach (var plugin in _plugins)
            plugin.Offer(CollectionsMarshal.AsSpan(events), deferWake: true);
        if (events[^1].Line > 0)
            _offeredLine = events[^1].Line;
    }
}
