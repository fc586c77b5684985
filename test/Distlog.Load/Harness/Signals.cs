using System.Runtime.InteropServices;

namespace Distlog.Load.Harness;

/// <summary>Sends SIGTERM, which .NET's Process cannot: distlogd, rsyslogd and redis-server flush and exit on it.</summary>
static partial class Signals
{
    const int SigTerm = 15;

    public static void Terminate(int pid) => _ = kill(pid, SigTerm);

    [LibraryImport("libc", SetLastError = true)]
    private static partial int kill(int pid, int signal);
}
