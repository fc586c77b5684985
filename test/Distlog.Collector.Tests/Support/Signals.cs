using System.Runtime.InteropServices;

namespace Distlog.Collector.Tests.Support;

/// <summary>Sends POSIX signals to child processes (Process.Kill only sends SIGKILL).</summary>
static class Signals
{
    public const int SigInt = 2;
    public const int SigHup = 1;
    public const int SigTerm = 15;

    public static void Send(int processId, int signal)
    {
        if (kill(processId, signal) != 0)
            throw new InvalidOperationException($"kill({processId}, {signal}) failed: errno {Marshal.GetLastPInvokeError()}");
    }

    [DllImport("libc", SetLastError = true)]
    static extern int kill(int pid, int sig);
}
