using System.Diagnostics;

namespace Distlog.Load.Children;

/// <summary>This process's CPU time and peak resident set, as a child reports them at exit.</summary>
static class SelfStats
{
    public static double CpuSeconds
    {
        get
        {
            using var self = Process.GetCurrentProcess();
            return self.TotalProcessorTime.TotalSeconds;
        }
    }

    /// <summary>VmHWM from /proc/self/status, in bytes.</summary>
    public static long PeakRssBytes => Harness.ProcStats.PeakRssBytes(Environment.ProcessId);
}
