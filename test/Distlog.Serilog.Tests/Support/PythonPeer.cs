using System.Text;
using System.Text.Json;

namespace Distlog.Serilog.Tests.Support;

/// <summary>
/// A foreign libzmq peer: Debian's <c>/usr/bin/python3</c> with pyzmq, run as a child process, for interop tests.
/// Frames travel as base64 in JSON lines on stdin/stdout, so every byte survives. Fails the test with a clear
/// message when pyzmq is missing (CI installs python3-zmq).
/// </summary>
sealed class PythonPeer : IDisposable
{
    public const string PythonPath = "/usr/bin/python3";

    static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(20);

    const string PullScript = """
        import base64, json, sys, zmq
        count, timeout_ms = int(sys.argv[1]), int(sys.argv[2])
        context = zmq.Context()
        pull = context.socket(zmq.PULL)
        pull.setsockopt(zmq.RCVTIMEO, timeout_ms)
        pull.setsockopt(zmq.LINGER, 0)
        port = pull.bind_to_random_port("tcp://127.0.0.1")
        print("tcp://127.0.0.1:%d" % port, flush=True)
        for _ in range(count):
            frames = pull.recv_multipart()
            print(json.dumps([base64.b64encode(f).decode("ascii") for f in frames]), flush=True)
        pull.close()
        context.term()
        """;

    const string PushScript = """
        import base64, json, sys, zmq
        context = zmq.Context()
        push = context.socket(zmq.PUSH)
        push.setsockopt(zmq.LINGER, int(sys.argv[2]))
        push.connect(sys.argv[1])
        for line in sys.stdin:
            if line.strip():
                push.send_multipart([base64.b64decode(f) for f in json.loads(line)])
        push.close()
        context.term()
        print("sent", flush=True)
        """;

    static bool? _pyzmqAvailable;

    readonly ChildProcess _process;

    PythonPeer(string script, params string[] arguments)
    {
        RequirePyZmq();
        _process = new ChildProcess(ChildProcess.StartInfo(PythonPath, ["-c", script, .. arguments]), "python zmq peer");
    }

    /// <summary>Starts a python PULL bound to a random loopback port that receives <paramref name="count"/> messages,
    /// giving up after <paramref name="receiveTimeout"/> (default 20 s) without one.</summary>
    public static PythonPeer StartPull(int count, out string endpoint, TimeSpan? receiveTimeout = null)
    {
        int timeout = (int)(receiveTimeout ?? TimeSpan.FromSeconds(20)).TotalMilliseconds;
        var peer = new PythonPeer(PullScript, count.ToString(), timeout.ToString());
        endpoint = peer._process.WaitForStdoutLine(_ => true, StartTimeout) ?? throw peer.Failure("printed no endpoint");
        return peer;
    }

    /// <summary>Starts a python PUSH connected to <paramref name="endpoint"/> that sends <paramref name="messages"/>
    /// (each an array of frames) and exits after its linger.</summary>
    public static PythonPeer StartPush(string endpoint, IEnumerable<byte[][]> messages, TimeSpan? linger = null)
    {
        int lingerMs = (int)(linger ?? TimeSpan.FromSeconds(10)).TotalMilliseconds;
        var peer = new PythonPeer(PushScript, endpoint, lingerMs.ToString());
        peer._process.WriteInput(string.Concat(messages.Select(frames => JsonSerializer.Serialize(Array.ConvertAll(frames, Convert.ToBase64String)) + "\n")));
        return peer;
    }

    /// <summary>Starts a python PUSH that sends two-frame messages of UTF-8 text.</summary>
    public static PythonPeer StartPush(string endpoint, IEnumerable<(string Topic, string Payload)> messages) =>
        StartPush(endpoint, messages.Select(m => new[] { Encoding.UTF8.GetBytes(m.Topic), Encoding.UTF8.GetBytes(m.Payload) }));

    /// <summary>Waits for a pull peer to receive all its messages and exit; returns the frames of each message.</summary>
    public IReadOnlyList<byte[][]> ReadMessages(TimeSpan? timeout = null)
    {
        WaitForExit(timeout ?? TimeSpan.FromSeconds(60));
        var messages = new List<byte[][]>();
        // The first line is the endpoint; each of the others is a message.
        foreach (string line in _process.StdoutLines.Skip(1).Where(l => l.Length > 0))
        {
            string[] frames = JsonSerializer.Deserialize<string[]>(line) ?? [];
            messages.Add(Array.ConvertAll(frames, Convert.FromBase64String));
        }

        return messages;
    }

    /// <summary>Waits for the peer to exit successfully.</summary>
    public void WaitForExit(TimeSpan timeout)
    {
        if (!_process.Exits(timeout))
        {
            throw Failure($"did not finish within {timeout}");
        }

        if (_process.ExitCode != 0)
        {
            throw Failure($"exited with code {_process.ExitCode}");
        }
    }

    public void Dispose() => _process.Dispose();

    /// <summary>Fails the test unless /usr/bin/python3 can import zmq.</summary>
    public static void RequirePyZmq()
    {
        string reason = "";
        _pyzmqAvailable ??= CanImportZmq(out reason);
        if (_pyzmqAvailable == false)
        {
            if (reason.Length == 0)
            {
                CanImportZmq(out reason);
            }

            Assert.Fail($"{PythonPath} cannot import zmq, which this interop test needs: install python3-zmq " +
                $"(apt-get install python3 python3-zmq). {reason}");
        }
    }

    static bool CanImportZmq(out string reason)
    {
        try
        {
            using var check = new ChildProcess(ChildProcess.StartInfo(PythonPath, ["-c", "import zmq"]));
            int exitCode = check.WaitForExit(StartTimeout);
            reason = check.Stderr.Trim();
            return exitCode == 0;
        }
        catch (InvalidOperationException ex)
        {
            reason = ex.Message;
            return false;
        }
    }

    Exception Failure(string what) => new InvalidOperationException($"The python zmq peer {what}. Its stderr: {_process.Stderr.Trim()}");
}
