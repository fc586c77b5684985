using System.Diagnostics;

namespace Distlog.Testing;

/// <summary>How a child ends: it exits by itself, on a signal, or is killed.</summary>
public sealed partial class ChildProcess
{
    /// <summary>How long <see cref="Stop"/> and <see cref="Terminate"/> wait where no timeout is given.</summary>
    public static readonly TimeSpan DefaultStopTimeout = TimeSpan.FromSeconds(60);

    static readonly TimeSpan DisposeWait = TimeSpan.FromSeconds(10);
    static readonly HashSet<ChildProcess> Running = [];

    /// <summary>Whether the child has exited; once true, everything it wrote has been read.</summary>
    public bool HasExited
    {
        get
        {
            if (!_process.HasExited)
                return false;
            _process.WaitForExit(); // drains the output readers
            return true;
        }
    }

    /// <summary>The exit code, once <see cref="HasExited"/>.</summary>
    public int ExitCode => _process.ExitCode;

    /// <summary>Waits up to <paramref name="within"/> for the child to exit by itself; it is left running if it does not.</summary>
    /// <returns>Whether it exited (and everything it wrote has been read).</returns>
    public bool Exits(TimeSpan within)
    {
        if (!_process.WaitForExit(within))
            return false;
        _process.WaitForExit();
        return true;
    }

    /// <summary>Waits for the child to exit; kills it when <paramref name="timeout"/> passes first.</summary>
    /// <returns>The exit code.</returns>
    /// <exception cref="TimeoutException">It did not exit in time; the message holds what it wrote.</exception>
    public int WaitForExit(TimeSpan timeout)
    {
        if (!Exits(timeout))
        {
            Kill();
            throw new TimeoutException($"{Name} did not exit within {timeout}:\n{Output}");
        }
        return _process.ExitCode;
    }

    /// <summary>Sends <paramref name="signal"/> (see <see cref="Signals"/>) to the child only.</summary>
    public void Signal(int signal) => Signals.Send(Id, signal);

    /// <summary>Sends SIGINT, as Ctrl-C does.</summary>
    public void Interrupt() => Signal(Signals.SigInt);

    /// <summary>Sends SIGTERM and waits for the exit, as a service manager stops a service.</summary>
    /// <returns>The exit code.</returns>
    /// <exception cref="TimeoutException">It did not exit within <paramref name="timeout"/> (default <see cref="DefaultStopTimeout"/>): killed.</exception>
    public int Terminate(TimeSpan? timeout = null)
    {
        Signal(Signals.SigTerm);
        return WaitForExit(timeout ?? DefaultStopTimeout);
    }

    /// <summary>Sends SIGTERM unless the child has exited, and waits; kills it when it does not exit in time.</summary>
    /// <returns>Whether it exited by itself within <paramref name="timeout"/> (default <see cref="DefaultStopTimeout"/>).</returns>
    public bool Stop(TimeSpan? timeout = null)
    {
        if (HasExited)
            return true;
        Signal(Signals.SigTerm);
        if (Exits(timeout ?? DefaultStopTimeout))
            return true;
        Kill();
        return false;
    }

    /// <summary>Kills the child and its process tree at once (SIGKILL: no signal handler, no flush) and waits until it is gone.</summary>
    public void Kill()
    {
        KillTree(_process);
        _process.WaitForExit();
    }

    /// <summary>Kills every child started here and not yet disposed: for a harness that is itself interrupted.</summary>
    public static void KillAll()
    {
        ChildProcess[] running;
        lock (Running)
            running = [.. Running];
        foreach (var child in running)
            KillTree(child._process);
    }

    /// <summary>Kills the child if it still runs and releases it. Idempotent.</summary>
    public void Dispose()
    {
        lock (Running)
        {
            if (!Running.Remove(this))
                return;
        }
        if (!_process.HasExited)
        {
            KillTree(_process);
            _process.WaitForExit(DisposeWait);
        }
        _process.Dispose();
    }

    static void Track(ChildProcess child)
    {
        lock (Running)
            Running.Add(child);
    }

    static void KillTree(Process process)
    {
        try
        {
            process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
    }
}
