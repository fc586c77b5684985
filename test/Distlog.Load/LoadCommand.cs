using System.Text;
using Distlog.Load.Harness;
using Distlog.Load.Scenarios;

namespace Distlog.Load;

/// <summary>
/// The harness: runs the chosen scenarios in order, prints each section as it completes, and writes the whole
/// report (machine, command, every table) to <see cref="LoadOptions.OutputPath"/>. Exit code 1 when a run lost events.
/// </summary>
static class LoadCommand
{
    public static int Run(LoadOptions options)
    {
        KillOnSignals.Register();
        IScenario[] all = [new RawCeilingScenario(), new CollectorVsRsyslogScenario(), new EndToEndScenario(), new PluginScenario()];
        if (options.Scenarios.Any(n => n is 2 or 3 or 4) && !File.Exists(options.DistlogdPath))
            throw new LoadException($"distlogd is not built at {options.DistlogdPath}: dotnet build src/Distlog.Collector -c Release (or --distlogd PATH).");

        var report = new StringBuilder()
            .Append("# Load harness report\n\n")
            .Append($"`{options.CommandLine.Trim()}` — {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, {options.Runs} runs per measurement, medians.\n\n")
            .Append(Machine.Describe()).Append('\n');
        Console.Out.Write(report);

        var sections = new List<ReportSection>();
        foreach (var scenario in all.Where(s => options.Scenarios.Contains(s.Number)))
        {
            var section = scenario.Run(options);
            sections.Add(section);
            Console.Out.WriteLine(section);
            report.Append(section).Append('\n');
            Write(options.OutputPath, report.ToString());
        }

        Write(options.OutputPath, report.ToString());
        Progress.Write($"report written to {options.OutputPath}");
        if (!options.Keep && Directory.Exists(options.WorkRoot))
            Directory.Delete(options.WorkRoot, recursive: true);
        return sections.Any(s => s.Failed) ? 1 : 0;
    }

    static void Write(string path, string text)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
    }
}
