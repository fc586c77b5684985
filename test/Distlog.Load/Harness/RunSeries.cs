using System.Globalization;

namespace Distlog.Load.Harness;

/// <summary>
/// One figure over the runs of a measurement. A run that lost (or duplicated) events has no speed: the median is
/// taken over the good runs only, and the cell says FAILED when any run failed.
/// </summary>
sealed class RunSeries
{
    readonly List<(double Value, bool Ok)> _runs = [];

    public void Add(double value, bool ok) => _runs.Add((value, ok));

    public bool AllOk => _runs.Count > 0 && _runs.All(run => run.Ok);

    public double Median => Figures.Median(_runs.Where(run => run.Ok).Select(run => run.Value));

    /// <summary>The median, or FAILED with how many runs failed (and the good runs' median, if any).</summary>
    public string Cell(Func<double, string> format)
    {
        if (AllOk)
            return "**" + format(Median) + "**";
        var failed = _runs.Count(run => !run.Ok);
        var good = _runs.Count - failed;
        return good == 0
            ? $"FAILED ({failed}/{_runs.Count} runs lost events)"
            : $"FAILED ({failed}/{_runs.Count} runs lost events; good runs' median {format(Median)})";
    }

    /// <summary>Every run, in order, a failed one marked.</summary>
    public string Runs(Func<double, string> format) =>
        string.Join(" / ", _runs.Select(run => run.Ok ? format(run.Value) : "✗ " + format(run.Value)));

    public static string Kilo(double eventsPerSecond) =>
        double.IsNaN(eventsPerSecond) ? "n/a" : (eventsPerSecond / 1000).ToString("0", CultureInfo.InvariantCulture) + "k";
}
