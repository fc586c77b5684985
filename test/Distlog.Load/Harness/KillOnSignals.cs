using System.Runtime.InteropServices;

namespace Distlog.Load.Harness;

/// <summary>
/// Kills every child process the harness started (<see cref="ChildProcess.KillAll"/>) when the harness is interrupted
/// (Ctrl+C, SIGTERM, SIGHUP), instead of leaving servers and blocked producers behind; then the signal ends the harness.
/// (Children also exit by themselves when their stdin closes.)
/// </summary>
static class KillOnSignals
{
    static readonly List<PosixSignalRegistration> Registrations = [];

    public static void Register()
    {
        foreach (var signal in new[] { PosixSignal.SIGINT, PosixSignal.SIGTERM, PosixSignal.SIGHUP })
            Registrations.Add(PosixSignalRegistration.Create(signal, _ => ChildProcess.KillAll()));
    }
}
