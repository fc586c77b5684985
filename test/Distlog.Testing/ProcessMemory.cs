using System.Globalization;

namespace Distlog.Testing;

/// <summary>What a process holds in memory, read from <c>/proc</c> (Linux).</summary>
public static class ProcessMemory
{
    /// <summary>The most memory <paramref name="pid"/> has held resident so far (VmHWM of /proc/PID/status), in bytes; -1 when it is gone.</summary>
    public static long PeakResidentBytes(int pid)
    {
        try
        {
            foreach (var line in File.ReadLines($"/proc/{pid}/status"))
            {
                if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
                    return long.Parse(line["VmHWM:".Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture) * 1024;
            }
        }
        catch (IOException)
        {
        }
        return -1;
    }
}
