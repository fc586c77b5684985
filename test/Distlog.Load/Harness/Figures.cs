using System.Globalization;

namespace Distlog.Load.Harness;

/// <summary>How the report writes numbers: invariant culture, thousands separated, units in the column header.</summary>
static class Figures
{
    public static double Median(IEnumerable<double> values)
    {
        var sorted = values.Where(v => !double.IsNaN(v)).Order().ToArray();
        if (sorted.Length == 0)
            return double.NaN;
        var middle = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    public static string Rate(double eventsPerSecond) =>
        double.IsNaN(eventsPerSecond) ? "n/a" : eventsPerSecond.ToString("N0", CultureInfo.InvariantCulture);

    public static string Ratio(double ratio) => double.IsNaN(ratio) ? "n/a" : ratio.ToString("0.00", CultureInfo.InvariantCulture) + "×";

    public static string Number(double value, string format = "0.00") =>
        double.IsNaN(value) ? "n/a" : value.ToString(format, CultureInfo.InvariantCulture);

    public static string Count(long value) => value.ToString("N0", CultureInfo.InvariantCulture);

    public static string Megabytes(double bytes) => bytes < 0 || double.IsNaN(bytes) ? "n/a" : (bytes / (1024 * 1024)).ToString("0", CultureInfo.InvariantCulture);

    /// <summary>CPU seconds per million events.</summary>
    public static double CpuPerMillion(double cpuSeconds, long events) => cpuSeconds / events * 1_000_000;
}
