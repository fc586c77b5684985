using Distlog.Collector.Configuration;

namespace Distlog.Collector;

/// <summary>
/// <c>distlogd [--config FILE] [--ingest ENDPOINT]... [--stats-interval DURATION]</c>. Options on the command line
/// override the config file: <c>--ingest</c> replaces <c>ingest.endpoints</c>, <c>--stats-interval</c> <c>stats.interval</c>.
/// </summary>
sealed record CommandLine(string? ConfigPath, IReadOnlyList<string> Ingest, TimeSpan? StatsInterval, bool Help)
{
    public const string Usage = """
        Usage: distlogd [--config FILE] [--ingest ENDPOINT]... [--stats-interval DURATION]

          --config FILE             YAML configuration (see distlogd.example.yaml); without it the embedded default:
                                    ingest tcp://127.0.0.1:5010, sqlite at logs/distlog.db,
                                    publish on tcp://127.0.0.1:5011
          --ingest ENDPOINT         bind ingest here instead of ingest.endpoints (repeatable): tcp://IP:PORT,
                                    tcp://*:PORT (every interface), PORT 1-65535 or *; ipc:///path; inproc://name
          --stats-interval DURATION log the summary line this often (e.g. 10s; off for shutdown only)
          -h, --help                show this help

        SIGINT/SIGTERM stop ingest, drain and flush every plugin, and exit 0. SIGHUP re-reads
        security.curve.authorizedClients.
        """;

    public static CommandLine Parse(IReadOnlyList<string> args)
    {
        string? config = null;
        TimeSpan? interval = null;
        var ingest = new List<string>();
        for (var i = 0; i < args.Count; i++)
        {
            switch (args[i])
            {
                case "-h" or "--help" or "-?":
                    return new CommandLine(null, [], null, Help: true);
                case "-c" or "--config":
                    config = Value(args, ref i);
                    break;
                case "--ingest":
                    var endpoint = Value(args, ref i);
                    ingest.Add(BindEndpoint.Problem(endpoint) is { } problem ? throw new UsageException($"--ingest: {problem}") : endpoint);
                    break;
                case "--stats-interval":
                    var text = Value(args, ref i);
                    interval = Duration.TryParse(text, out var value)
                        ? value
                        : throw new UsageException($"--stats-interval: '{text}' is not a duration ({Duration.Formats})");
                    break;
                default:
                    throw new UsageException($"unknown argument '{args[i]}'; see distlogd --help");
            }
        }
        return new CommandLine(config, ingest, interval, Help: false);
    }

    /// <summary>The settings to run: the file or the embedded default, with this command line's overrides.</summary>
    public CollectorSettings LoadSettings()
    {
        var settings = ConfigPath is null ? DefaultConfig.Load() : ConfigLoader.LoadFile(ConfigPath);
        if (Ingest.Count > 0)
            settings = settings with { Ingest = settings.Ingest with { Endpoints = Ingest, EndpointLocations = [] } };
        if (StatsInterval is { } interval)
            settings = settings with { Stats = new StatsSettings(interval) };
        return settings;
    }

    static string Value(IReadOnlyList<string> args, ref int i) =>
        ++i < args.Count ? args[i] : throw new UsageException($"{args[i - 1]} needs a value; see distlogd --help");
}
