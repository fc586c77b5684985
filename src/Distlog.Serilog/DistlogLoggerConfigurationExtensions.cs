using System.Reflection;
using Distlog.Sinks.ZeroMq;
using Serilog.Configuration;
using Serilog.Core;
using Serilog.Debugging;
using Serilog.Events;

namespace Serilog;

/// <summary>Adds <c>WriteTo.Distlog()</c> to the logger configuration.</summary>
public static class DistlogLoggerConfigurationExtensions
{
    /// <summary>
    /// Sends events to a distlogd collector over ZeroMQ (PUSH), as batches of CLEF. Each event gets
    /// <c>Application</c>, <c>Host</c> and <c>ProcessId</c> unless it has them. Logging never throws, and in
    /// <see cref="DistlogWhenFull.Drop"/> mode never waits on the network: one background thread owns the
    /// socket. Disposing the logger (<c>Log.CloseAndFlush()</c>) sends what is queued, for at most <paramref name="flushTimeout"/>.
    /// </summary>
    /// <param name="sinkConfiguration">Logger sink configuration.</param>
    /// <param name="endpoint">The collector's ingest endpoint. Default <c>tcp://localhost:5010</c>.</param>
    /// <param name="restrictedToMinimumLevel">The minimum level for events passed through the sink. Ignored when <paramref name="levelSwitch"/> is given.</param>
    /// <param name="levelSwitch">A switch allowing the pass-through minimum level to be changed at runtime.</param>
    /// <param name="application">The <c>Application</c> property. Default: the entry assembly's name.</param>
    /// <param name="system">The system letter of the topic: <c>P</c> production (default), <c>S</c> staging, <c>T</c> test.</param>
    /// <param name="queueLimit">The most events waiting to be sent. Default 100,000. From 1,000 waiting events on,
    /// each is formatted on the logging thread and waits as its CLEF line (a few hundred bytes), not as a <c>LogEvent</c>.</param>
    /// <param name="whenFull">What happens to an event when the queue is full. Default <see cref="DistlogWhenFull.Drop"/>.</param>
    /// <param name="batchSizeLimit">The most events in one message. Default 1,000.</param>
    /// <param name="eventBodyLimitBytes">The largest event, as CLEF, that is sent; larger ones are dropped, counted and
    /// reported through <c>SelfLog</c>, so that one huge event cannot push a message over the collector's
    /// <c>maxMessageBytes</c> (4 MiB by default; a message holds at most 1 MiB plus one event). Default 1 MiB.</param>
    /// <param name="flushTimeout">How long disposal may take to send what is queued. Default 10 seconds.</param>
    /// <param name="controlEndpoint">The collector's control endpoint, where acknowledgements come from. Default: the
    /// host of <paramref name="endpoint"/> on its port + 2 (tcp://collector:5012 for tcp://collector:5010), where distlogd
    /// binds it unless its YAML says otherwise.</param>
    /// <param name="acknowledge">Keep each batch until the collector acknowledges it, and send it again after a lost
    /// connection (default true: nothing is lost when distlogd restarts). False for a receiver that does not acknowledge
    /// (a plain ZeroMQ PULL, distlogd before 0.2): batches are then sent once.</param>
    /// <param name="serverKey">The collector's CURVE public key (40 Z85 characters) or the path of its public certificate,
    /// for a collector with <c>security.curve</c>. Default none: no encryption. Give <paramref name="clientCertificate"/> with it.</param>
    /// <param name="clientCertificate">The path of this application's secret CURVE certificate (<c>NAME_secret</c>, written
    /// by <c>distlog keygen NAME</c>), whose public certificate is in the collector's <c>authorizedClients</c>. A file that
    /// cannot be read is reported once through <c>SelfLog</c>, and the sink then drops its events.</param>
    /// <param name="transport">Which ZeroMQ implementation sends. Default <see cref="DistlogTransport.Auto"/>: the native libzmq
    /// where it loads (the faster, at half the CPU per event), otherwise the managed NetMQ, so that no native install is
    /// needed; the environment variable <c>DISTLOG_TRANSPORT</c> overrides Auto. The choice and its reason go to <c>SelfLog</c>.</param>
    /// <returns>Configuration object allowing method chaining.</returns>
    /// <exception cref="ArgumentException">An argument is out of range.</exception>
    public static LoggerConfiguration Distlog(
        this LoggerSinkConfiguration sinkConfiguration,
        string endpoint = DistlogSinkOptions.DefaultEndpoint,
        LogEventLevel restrictedToMinimumLevel = LevelAlias.Minimum,
        LoggingLevelSwitch? levelSwitch = null,
        string? application = null,
        string system = "P",
        int queueLimit = DistlogSinkOptions.DefaultQueueLimit,
        DistlogWhenFull whenFull = DistlogWhenFull.Drop,
        int batchSizeLimit = DistlogSinkOptions.DefaultBatchSizeLimit,
        TimeSpan? flushTimeout = null,
        int eventBodyLimitBytes = DistlogSinkOptions.DefaultEventBodyLimitBytes,
        string? controlEndpoint = null,
        bool acknowledge = true,
        string? serverKey = null,
        string? clientCertificate = null,
        DistlogTransport transport = DistlogTransport.Auto)
    {
        ArgumentNullException.ThrowIfNull(sinkConfiguration);
        if (string.IsNullOrWhiteSpace(endpoint))
            throw Invalid("The collector endpoint is empty; give one such as tcp://localhost:5010.", nameof(endpoint));
        if (system is not { Length: 1 } || !DistlogSinkOptions.Systems.Contains(system[0]))
            throw Invalid($"The system '{system}' is not one of the letters P (production), S (staging) or T (test), which the collector accepts.", nameof(system));
        if (queueLimit < 1)
            throw Invalid($"The queue limit {queueLimit} is not positive.", nameof(queueLimit));
        if (batchSizeLimit < 1)
            throw Invalid($"The batch size limit {batchSizeLimit} is not positive.", nameof(batchSizeLimit));
        if (eventBodyLimitBytes < 1)
            throw Invalid($"The event body limit {eventBodyLimitBytes} is not positive.", nameof(eventBodyLimitBytes));
        if (!Enum.IsDefined(transport))
            throw Invalid($"The transport {transport} is not one of Auto, LibZmq, NetMq.", nameof(transport));
        if (string.IsNullOrWhiteSpace(serverKey) != string.IsNullOrWhiteSpace(clientCertificate))
            throw Invalid("CURVE needs both serverKey (the collector's public key) and clientCertificate (this application's secret certificate); give both or neither.",
                string.IsNullOrWhiteSpace(serverKey) ? nameof(serverKey) : nameof(clientCertificate));

        var options = new DistlogSinkOptions
        {
            Endpoint = endpoint,
            Application = application ?? Assembly.GetEntryAssembly()?.GetName().Name ?? AppDomain.CurrentDomain.FriendlyName,
            System = system[0],
            QueueLimit = queueLimit,
            WhenFull = whenFull,
            BatchSizeLimit = batchSizeLimit,
            FlushTimeout = flushTimeout ?? DistlogSinkOptions.DefaultFlushTimeout,
            EventBodyLimitBytes = eventBodyLimitBytes,
            ControlEndpoint = controlEndpoint,
            Acknowledge = acknowledge,
            ServerKey = serverKey,
            ClientCertificate = clientCertificate,
            Transport = transport,
        };
        return sinkConfiguration.Sink(new DistlogSink(options), restrictedToMinimumLevel, levelSwitch);
    }

    // Serilog.Settings.Configuration calls this method by reflection, so from appsettings.json the exception
    // arrives wrapped in a TargetInvocationException whose message says nothing; SelfLog gets the real one.
    static ArgumentException Invalid(string message, string parameterName)
    {
        SelfLog.WriteLine("WriteTo.Distlog: {0} (argument '{1}')", message, parameterName);
        return new ArgumentException(message, parameterName);
    }
}
