using System.Runtime.InteropServices;

namespace Distlog.Testing;

/// <summary>Sends POSIX signals to child processes (<see cref="System.Diagnostics.Process.Kill()"/> only sends SIGKILL).</summary>
public static class Signals
{
    /// <summary>SIGHUP: distlogd reloads its authorized clients.</summary>
    public const int SigHup = 1;

    /// <summary>SIGINT, as Ctrl-C sends.</summary>
    public const int SigInt = 2;

    /// <summary>SIGTERM, as a service manager sends: distlogd, rsyslogd and redis-server flush and exit.</summary>
    public const int SigTerm = 15;

    /// <summary>Sends <paramref name="signal"/> to the process <paramref name="processId"/>.</summary>
    /// <exception cref="InvalidOperationException">The signal could not be sent (no such process, say).</exception>
    public static void Send(int processId, int signal)
    {
        if (kill(processId, signal) != 0)
            throw new InvalidOperationException($"kill({processId}, {signal}) failed: errno {Marshal.GetLastPInvokeError()}");
    }

    [DllImport("libc", SetLastError = true)]
    static extern int kill(int pid, int sig);
}
