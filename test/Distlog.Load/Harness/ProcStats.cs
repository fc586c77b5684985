using System.Globalization;

namespace Distlog.Load.Harness;

/// <summary>Reads another process's CPU time and peak RSS from /proc, where the harness cannot ask the process itself.</summary>
static class ProcStats
{
    // USER_HZ: 100 on every Linux ABI this runs on (the kernel fixes it for /proc, whatever CONFIG_HZ is).
    const double TicksPerSecond = 100;

    /// <summary>utime + stime of <paramref name="pid"/> in seconds (fields 14 and 15 of /proc/PID/stat); NaN when it is gone.</summary>
    public static double CpuSeconds(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            // The command name (field 2) may hold spaces: count the fields after its closing parenthesis.
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            var utime = long.Parse(fields[11], CultureInfo.InvariantCulture);
            var stime = long.Parse(fields[12], CultureInfo.InvariantCulture);
            return (utime + stime) / TicksPerSecond;
        }
        catch (IOException)
        {
            return double.NaN;
        }
    }

    /// <summary>VmHWM of <paramref name="pid"/> in bytes; -1 when it is gone.</summary>
    public static long PeakRssBytes(int pid) => ProcessMemory.PeakResidentBytes(pid);

    /// <summary>CPU seconds of each thread of <paramref name="pid"/>, summed by thread name (/proc/PID/task/TID/comm,
    /// e.g. "distlogd ingest", ".NET TP Worker", "ZMQbg/IO/0").</summary>
    public static Dictionary<string, double> ThreadCpuSeconds(int pid)
    {
        var threads = new Dictionary<string, double>();
        try
        {
            foreach (var task in Directory.EnumerateDirectories($"/proc/{pid}/task"))
            {
                try
                {
                    var name = File.ReadAllText(Path.Combine(task, "comm")).Trim();
                    var stat = File.ReadAllText(Path.Combine(task, "stat"));
                    var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
                    var seconds = (long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture)) / TicksPerSecond;
                    threads[name] = threads.GetValueOrDefault(name) + seconds;
                }
                catch (IOException)
                {
                    // the thread ended between listing and reading
                }
            }
        }
        catch (IOException)
        {
        }
        return threads;
    }
}
