using System.Diagnostics;
using System.Runtime.InteropServices;
using Distlog.Transport;

namespace Distlog.Load.Harness;

/// <summary>What the figures were measured on: core count, CPU model, kernel, runtime, and the versions of the peers.</summary>
static class Machine
{
    public static string CpuModel =>
        File.ReadLines("/proc/cpuinfo").FirstOrDefault(line => line.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim()
        ?? "unknown";

    public static MarkdownTable Describe()
    {
        var table = new MarkdownTable("", "");
        table.Add("nproc", Environment.ProcessorCount.ToString(System.Globalization.CultureInfo.InvariantCulture));
        table.Add("CPU", CpuModel);
        table.Add("memory", Figures.Megabytes(GC.GetGCMemoryInfo().TotalAvailableMemoryBytes) + " MB");
        table.Add("kernel", File.ReadAllText("/proc/sys/kernel/osrelease").Trim());
        table.Add(".NET", RuntimeInformation.FrameworkDescription);
        table.Add("libzmq", ZmqContext.LibraryVersion.ToString());
        table.Add("rsyslog", FirstLine(Rsyslog.Daemon, "-v").Replace("compiled with:", "").Trim());
        table.Add("redis", string.Join(' ', FirstLine("redis-server", "--version").Split(' ').Take(3)));
        return table;
    }

    static string FirstLine(string program, string argument)
    {
        try
        {
            using var process = Process.Start(new ProcessStartInfo(program, argument) { RedirectStandardOutput = true, UseShellExecute = false })!;
            var line = process.StandardOutput.ReadLine() ?? "";
            process.WaitForExit();
            return line.Trim();
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return "not installed";
        }
    }
}
