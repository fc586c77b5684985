using System.Globalization;
using System.Text;

namespace Distlog.Load.Children;

/// <summary>
/// How a child role talks to the harness: one <c>READY key=value...</c> line when set up, then it waits for a
/// <c>GO</c> line on stdin (so that every child starts at the same moment, after its start-up), and one
/// <c>RESULT key=value...</c> line at the end. Timestamps are <see cref="System.Diagnostics.Stopwatch"/> ticks:
/// CLOCK_MONOTONIC on Linux, the same clock in every process.
/// </summary>
/// <remarks>
/// A child never outlives the harness: when its stdin reaches end of file (the harness exited or was killed), it
/// exits at once, so that no producer is left blocked on a send, holding ports, CPU or the build lock's descriptor.
/// </remarks>
static class ChildConsole
{
    public const string Ready = "READY";
    public const string Result = "RESULT";
    public const string Go = "GO";
    public const string Warm = "WARM";
    const int OrphanExitCode = 3;

    static readonly ManualResetEventSlim GoReceived = new();

    /// <summary>Starts watching stdin for GO and for the end of file; call first thing in every role.</summary>
    public static void Start()
    {
        var watcher = new Thread(WatchInput) { IsBackground = true, Name = "harness watch" };
        watcher.Start();
    }

    public static void WriteReady(params (string Key, object Value)[] values) => WriteLine(Ready, values);

    public static void WriteWarm() => WriteLine(Warm, []);

    public static void WriteResult(params (string Key, object Value)[] values) => WriteLine(Result, values);

    /// <summary>Blocks until the harness writes GO (the process exits if the harness goes away first).</summary>
    public static void WaitForGo() => GoReceived.Wait();

    static void WatchInput()
    {
        string? line;
        while ((line = Console.In.ReadLine()) is not null)
        {
            if (line.Trim() == Go)
                GoReceived.Set();
        }
        Environment.Exit(OrphanExitCode);
    }

    static void WriteLine(string kind, (string Key, object Value)[] values)
    {
        var line = new StringBuilder(kind);
        foreach (var (key, value) in values)
            line.Append(' ').Append(key).Append('=').Append(Convert.ToString(value, CultureInfo.InvariantCulture));
        Console.Out.WriteLine(line.ToString());
        Console.Out.Flush();
    }
}
