using System.Diagnostics;
using System.Globalization;
using System.Net.Sockets;

namespace Distlog.Testing;

/// <summary>
/// A real <c>redis-server</c> on a free loopback port, for tests and the load harness: without persistence, or with an
/// append-only file in a data folder. It can be killed and restarted on the same port; <see cref="ServerProcess.Dispose"/> stops it.
/// </summary>
public sealed class RedisServer : ServerProcess
{
    const string InstalledPath = "/usr/bin/redis-server";
    const int StartAttempts = 3;
    static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(15);

    readonly string _executable;
    readonly string? _dataFolder;

    RedisServer(string executable, int port, string? password, string? dataFolder)
    {
        _executable = executable;
        _dataFolder = dataFolder;
        Port = port;
        Password = password;
    }

    /// <summary>The loopback port the server listens on; it stays the same across <see cref="ServerProcess.Restart"/>.</summary>
    public int Port { get; }

    /// <summary>The <c>requirepass</c> password, or null.</summary>
    public string? Password { get; }

    /// <summary><c>127.0.0.1:port</c>, as the redis plugin's <c>server</c> argument takes it.</summary>
    public string Address => $"127.0.0.1:{Port}";

    /// <summary>Starts a server on a free port and waits until it answers.</summary>
    /// <param name="password">The <c>requirepass</c> password, or null.</param>
    /// <param name="dataFolder">Where to keep an append-only file, fsynced before every reply, so that what the server
    /// acknowledged survives <see cref="ServerProcess.Kill"/> and is loaded again by <see cref="ServerProcess.Restart"/>; null: no persistence.</param>
    /// <exception cref="InvalidOperationException">redis-server is not installed, or did not start.</exception>
    public static RedisServer Start(string? password = null, string? dataFolder = null)
    {
        var executable = FindExecutable();
        for (var attempt = 1; ; attempt++)
        {
            var server = new RedisServer(executable, FreePort.Next(), password, dataFolder);
            try
            {
                server.Launch();
                return server;
            }
            catch (InvalidOperationException) when (attempt < StartAttempts)
            {
                // Another process took the port between our probe and redis-server's bind.
                server.Dispose();
            }
        }
    }

    /// <inheritdoc/>
    protected override void Launch() => WaitForInfo(Run(ChildProcess.StartInfo(_executable, Arguments())));

    IEnumerable<string> Arguments()
    {
        string[] arguments =
        [
            "--port", Port.ToString(CultureInfo.InvariantCulture), "--bind", "127.0.0.1",
            "--save", "", "--daemonize", "no", "--loglevel", "warning",
        ];
        string[] persistence = _dataFolder is null
            ? ["--appendonly", "no", "--dir", Path.GetTempPath()]
            : ["--appendonly", "yes", "--appendfsync", "always", "--dir", _dataFolder];
        arguments = [.. arguments, .. persistence];
        return Password is null ? arguments : [.. arguments, "--requirepass", Password];
    }

    void WaitForInfo(ChildProcess process)
    {
        var deadline = Stopwatch.StartNew();
        Exception? lastError = null;
        while (deadline.Elapsed < StartTimeout)
        {
            if (process.HasExited)
            {
                Kill();
                throw new InvalidOperationException($"redis-server on port {Port} exited at start-up: {Output()}");
            }

            try
            {
                // The process id tells our server from another one that won a race for the same port; INFO answers
                // while an append-only file is still loading, when every other command is refused with LOADING.
                var info = RedisInfo.Read(Port, Password);
                if (info.Contains($"process_id:{process.Id}\r\n", StringComparison.Ordinal) && info.Contains("loading:0\r\n", StringComparison.Ordinal))
                    return;
            }
            catch (Exception ex) when (ex is IOException or SocketException)
            {
                lastError = ex;
            }

            Thread.Sleep(50);
        }

        Kill();
        throw new InvalidOperationException(
            $"redis-server on port {Port} did not answer within {StartTimeout}: {lastError?.Message} {Output()}", lastError);
    }

    static string FindExecutable()
    {
        if (File.Exists(InstalledPath))
            return InstalledPath;

        var path = Environment.GetEnvironmentVariable("PATH") ?? "";
        foreach (var folder in path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = Path.Combine(folder, "redis-server");
            if (File.Exists(candidate))
                return candidate;
        }

        throw new InvalidOperationException(
            $"redis-server was not found at {InstalledPath} or on PATH. The Redis tests need a real server: install it with `apt-get install redis-server`.");
    }
}
