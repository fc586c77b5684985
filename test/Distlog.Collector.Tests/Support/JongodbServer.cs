using MongoDB.Bson;
using MongoDB.Driver;

namespace Distlog.Collector.Tests.Support;

/// <summary>
/// A real <c>jongodb</c> (a MongoDB-wire-compatible server, in memory) on a free loopback port, for tests. It can be
/// killed and started again on the same port, empty; <see cref="Dispose"/> stops it.
/// </summary>
/// <remarks>The binary is <c>$JONGODB_PATH</c>, else the one <c>scripts/install-jongodb.sh</c> puts under
/// <c>.tools/jongodb</c> in the repository (<c>./build.sh --target=Test</c> runs it).</remarks>
sealed class JongodbServer : ServerProcess
{
    public const string PathVariable = "JONGODB_PATH";
    const string InstalledPath = ".tools/jongodb/node_modules/@jongodb/memory-server-bin-linux-x64-gnu/bin/jongodb";
    const string ReadyPrefix = "JONGODB_URI=";
    const string FailurePrefix = "JONGODB_START_FAILURE=";
    const int StartAttempts = 3;
    static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(30);

    readonly string _executable;

    JongodbServer(string executable, int port)
    {
        _executable = executable;
        Port = port;
    }

    /// <summary>The loopback port the server listens on; it stays the same across <see cref="Restart"/>.</summary>
    public int Port { get; }

    /// <summary>A connection string for the server, as the mongodb plugin's <c>connectionString</c> takes it.</summary>
    public string ConnectionString => $"mongodb://127.0.0.1:{Port}/?serverSelectionTimeoutMS=2000";

    /// <summary>Starts a server on a free port and waits until it says it listens.</summary>
    public static JongodbServer Start()
    {
        var executable = FindExecutable();
        for (var attempt = 1; ; attempt++)
        {
            var server = new JongodbServer(executable, FreePort.Next());
            try
            {
                server.Launch();
                return server;
            }
            catch (InvalidOperationException) when (attempt < StartAttempts)
            {
                // Another process took the port between our probe and jongodb's bind.
                server.Dispose();
            }
        }
    }

    /// <summary>A collection of the server, read through the driver.</summary>
    public IMongoCollection<BsonDocument> Collection(string database, string collection) =>
        new MongoClient(ConnectionString).GetDatabase(database).GetCollection<BsonDocument>(collection);

    protected override void Launch()
    {
        var process = Run(ChildProcess.StartInfo(_executable, ["--host=127.0.0.1", $"--port={Port}"]));
        var said = process.WaitForStdoutLine(line => line.StartsWith(ReadyPrefix, StringComparison.Ordinal) || line.StartsWith(FailurePrefix, StringComparison.Ordinal), StartTimeout);
        if (said?.StartsWith(ReadyPrefix, StringComparison.Ordinal) != true)
        {
            Kill();
            throw new InvalidOperationException($"jongodb on port {Port} did not start within {StartTimeout}: {Output()}");
        }
    }

    static string FindExecutable()
    {
        if (Environment.GetEnvironmentVariable(PathVariable) is { Length: > 0 } configured)
            return File.Exists(configured) ? configured : throw new InvalidOperationException($"{PathVariable}={configured}: no such file.");

        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (!File.Exists(Path.Combine(folder.FullName, "Distlog.Serilog.sln")))
                continue;
            var candidate = Path.Combine(folder.FullName, InstalledPath);
            if (File.Exists(candidate))
                return candidate;
            break;
        }

        throw new InvalidOperationException(
            $"jongodb was not found ({PathVariable} unset, and no {InstalledPath} in the repository). The MongoDB tests need a " +
            "real server: run scripts/install-jongodb.sh (./build.sh --target=Test does) or set " + PathVariable + ".");
    }
}
