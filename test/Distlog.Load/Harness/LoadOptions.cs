using System.Globalization;

namespace Distlog.Load.Harness;

/// <summary>The harness's command line (<c>run [options]</c>); see <see cref="Usage"/>.</summary>
sealed record LoadOptions
{
    public const string Usage = """
        Usage: dotnet Distlog.Load.dll run [options]      (scripts/load.sh builds, then runs this)

          --runs N              runs of every measurement; the report gives the median (default 3)
          --events N            events per measurement; scenario 1 sends 4x as many (default 200000)
          --scenarios LIST      which scenarios, e.g. 1,2 (default 1,2,3,4)
          --warmup N            events sent (untimed) before every measurement, so that buffers are warm and JIT
                                tiering is under way (default: as many as --events, at least 50000); scenario 3's
                                apps then go on logging until their JIT compiled nothing for 1 s (at most 10 s)
          --batch N             events per message in the batched runs (default 100)
          --producers LIST      app process counts for scenario 3 (default 1,2,4)
          --e2e-no-sqlite       scenario 3 with file and publish only (where the rest of the pipeline stands)
          --queue-capacity N    distlogd plugins' queueCapacity (default: distlogd's own, 100000)
          --store-when-full M   scenario 3's file and sqlite plugins' whenFull: block (default here: lossless, at
                                the pace of the slower store) or drop (distlogd's own default: what overflows a
                                store's queue is dropped, so the run is FAILED)
          --file-args YAML      extra args for distlogd's file plugin, e.g. "buffered: true" (experiments)
          --distlogd-env K=V    an environment variable for distlogd only (repeatable), for experiments
          --app-env K=V         an environment variable for scenario 3's app processes (repeatable), e.g.
                                DOTNET_gcServer=1 (server GC, ASP.NET Core's default)
          --distlogd PATH       distlogd.dll (default src/Distlog.Collector/bin/Release/net10.0/distlogd.dll)
          --output PATH         the report (default artifacts/load/report.md); work files go beside it
          --diagnose            notes per distlogd run: GC collections, suspension and allocation (EventPipe),
                                CPU per event by thread; perturbs the figures a little
          --keep                keep each run's folder (logs, stores) instead of deleting it
          --curve               scenario 2's distlogd with security.curve (keys made per run) and its producer
                                speaking CURVE with an admitted key: compare with a run without it
        """;

    public int Runs { get; init; } = 3;
    public long Events { get; init; } = 200_000;
    public IReadOnlySet<int> Scenarios { get; init; } = new HashSet<int> { 1, 2, 3, 4 };
    public long? WarmupEvents { get; init; }
    // A shorter warm-up leaves distlogd's tiered JIT compiling during the measured window (seen with --diagnose).
    public long Warmup => WarmupEvents ?? Math.Max(50_000, Events);
    public int Batch { get; init; } = 100;
    public IReadOnlyList<int> Producers { get; init; } = [1, 2, 4];
    public int? QueueCapacity { get; init; }
    public required string RepositoryRoot { get; init; }
    public required string DistlogdPath { get; init; }
    public IReadOnlyList<KeyValuePair<string, string>> DistlogdEnvironment { get; init; } = [];
    public IReadOnlyList<KeyValuePair<string, string>> AppEnvironment { get; init; } = [];
    public string? FileArgs { get; init; }
    public required string OutputPath { get; init; }
    public bool Keep { get; init; }
    public bool Diagnose { get; init; }
    public bool Curve { get; init; }
    public bool EndToEndSqlite { get; init; } = true;
    public string StoreWhenFull { get; init; } = "block";
    public required string CommandLine { get; init; }

    public string WorkRoot => Path.Combine(Path.GetDirectoryName(OutputPath)!, "work");

    public static LoadOptions Parse(IReadOnlyList<string> args)
    {
        var root = FindRepositoryRoot();
        var options = new LoadOptions
        {
            RepositoryRoot = root,
            DistlogdPath = Path.Combine(root, "src/Distlog.Collector/bin/Release/net10.0/distlogd.dll"),
            OutputPath = Path.Combine(root, "artifacts/load/report.md"),
            CommandLine = "dotnet Distlog.Load.dll run " + string.Join(' ', args),
        };
        for (var i = 0; i < args.Count; i++)
        {
            string Value() => ++i < args.Count ? args[i] : throw new LoadException($"{args[i - 1]} needs a value.\n{Usage}");
            options = args[i] switch
            {
                "--runs" => options with { Runs = Positive(Value(), "--runs") },
                "--events" => options with { Events = Positive(Value(), "--events") },
                "--scenarios" => options with { Scenarios = List(Value(), "--scenarios").ToHashSet() },
                "--warmup" => options with { WarmupEvents = Positive(Value(), "--warmup") },
                "--distlogd-env" => options with { DistlogdEnvironment = [.. options.DistlogdEnvironment, Variable(Value(), "--distlogd-env")] },
                "--app-env" => options with { AppEnvironment = [.. options.AppEnvironment, Variable(Value(), "--app-env")] },
                "--file-args" => options with { FileArgs = Value() },
                "--batch" => options with { Batch = Positive(Value(), "--batch") },
                "--producers" => options with { Producers = List(Value(), "--producers") },
                "--queue-capacity" => options with { QueueCapacity = Positive(Value(), "--queue-capacity") },
                "--distlogd" => options with { DistlogdPath = Path.GetFullPath(Value()) },
                "--output" => options with { OutputPath = Path.GetFullPath(Value()) },
                "--keep" => options with { Keep = true },
                "--diagnose" => options with { Diagnose = true },
                "--curve" => options with { Curve = true },
                "--e2e-no-sqlite" => options with { EndToEndSqlite = false },
                "--store-when-full" => options with { StoreWhenFull = OneOf(Value(), "--store-when-full", "drop", "block") },
                _ => throw new LoadException($"Unknown option '{args[i]}'.\n{Usage}"),
            };
        }
        return options;
    }

    static int Positive(string text, string name) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value > 0
            ? value
            : throw new LoadException($"{name}: '{text}' is not a positive whole number.");

    static string OneOf(string text, string name, params string[] allowed) =>
        allowed.Contains(text) ? text : throw new LoadException($"{name}: '{text}' is not one of {string.Join(", ", allowed)}.");

    static KeyValuePair<string, string> Variable(string text, string name) =>
        text.IndexOf('=') is var equals and > 0
            ? new(text[..equals], text[(equals + 1)..])
            : throw new LoadException($"{name}: '{text}' is not NAME=VALUE.");

    static int[] List(string text, string name) => [.. text.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(part => Positive(part, name))];

    /// <summary>The folder holding Distlog.Serilog.sln: the working directory or one above it, else above this program.</summary>
    static string FindRepositoryRoot()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var folder = new DirectoryInfo(start); folder is not null; folder = folder.Parent)
            {
                if (File.Exists(Path.Combine(folder.FullName, "Distlog.Serilog.sln")))
                    return folder.FullName;
            }
        }
        throw new LoadException("Cannot find Distlog.Serilog.sln above the working directory: run from the repository.");
    }
}
