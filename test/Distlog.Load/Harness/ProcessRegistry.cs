using System.Diagnostics;
using System.Runtime.InteropServices;

namespace Distlog.Load.Harness;

/// <summary>
/// Every process the harness starts, so that an interrupted harness (Ctrl+C, SIGTERM, SIGHUP) kills them instead of
/// leaving servers and blocked producers behind. (Children also exit by themselves when their stdin closes.)
/// </summary>
static class ProcessRegistry
{
    static readonly HashSet<Process> Running = [];
    static readonly List<PosixSignalRegistration> Registrations = [];

    public static void Track(Process process)
    {
        lock (Running)
            Running.Add(process);
    }

    public static void Untrack(Process process)
    {
        lock (Running)
            Running.Remove(process);
    }

    /// <summary>Kills what is tracked on SIGINT, SIGTERM and SIGHUP, then lets the signal end the harness.</summary>
    public static void KillAllOnSignals()
    {
        foreach (var signal in new[] { PosixSignal.SIGINT, PosixSignal.SIGTERM, PosixSignal.SIGHUP })
            Registrations.Add(PosixSignalRegistration.Create(signal, _ => KillAll()));
    }

    static void KillAll()
    {
        Process[] processes;
        lock (Running)
            processes = [.. Running];
        foreach (var process in processes)
        {
            try
            {
                process.Kill(entireProcessTree: true);
            }
            catch (InvalidOperationException)
            {
                // already gone
            }
        }
    }
}
