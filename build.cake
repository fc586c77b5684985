// Distlog.Serilog build. Run through ./build.sh (which restores the pinned Cake tool).
using System.Xml.Linq;

var target = Argument("target", "Build");
var configuration = Argument("configuration", "Release");
var skipDeps = HasArgument("skip-deps");
var testFilter = Argument("filter", "");

var solution = File("./Distlog.Serilog.sln");
var artifacts = Directory("./artifacts");
var testResults = artifacts + Directory("test-results");
var testProjects = GetFiles("./test/**/*.Tests.csproj");

Task("Clean")
    .Does(() =>
{
    CleanDirectory(artifacts);
    DotNetClean(solution, new DotNetCleanSettings { Configuration = configuration, Verbosity = DotNetVerbosity.Quiet });
});

Task("Deps")
    .Description("Installs libzmq5, redis-server and python3-zmq through apt, and jongodb through npm, when they are missing.")
    .WithCriteria(() => !skipDeps && IsRunningOnLinux())
    .Does(() =>
{
    var exitCode = StartProcess("bash", new ProcessSettings { Arguments = "scripts/install-deps.sh" });
    if (exitCode != 0)
        throw new Exception($"scripts/install-deps.sh failed with exit code {exitCode}.");
    exitCode = StartProcess("bash", new ProcessSettings { Arguments = "scripts/install-jongodb.sh" });
    if (exitCode != 0)
        throw new Exception($"scripts/install-jongodb.sh failed with exit code {exitCode}.");
});

Task("Build")
    .Does(() =>
{
    DotNetBuild(solution, new DotNetBuildSettings { Configuration = configuration, Verbosity = DotNetVerbosity.Minimal });
});

Task("Test")
    .Description("Runs every test project and prints one closing line that totals them: N passed, N failed.")
    .IsDependentOn("Deps")
    .IsDependentOn("Build")
    .Does(() =>
{
    CleanDirectory(testResults);
    var failedProjects = new List<string>();
    foreach (var project in testProjects)
    {
        var name = project.GetFilenameWithoutExtension().ToString();
        var arguments = new ProcessArgumentBuilder()
            .Append("test").AppendQuoted(project.FullPath)
            .Append("--no-build").Append("-c").Append(configuration)
            .Append("--logger").AppendQuoted($"trx;LogFileName={name}.trx")
            .Append("--logger").AppendQuoted("console;verbosity=normal")
            .Append("--results-directory").AppendQuoted(MakeAbsolute(testResults).FullPath);
        if (testFilter != "")
            arguments.Append("--filter").AppendQuoted(testFilter);

        Information($"== {name}");
        if (StartProcess("dotnet", new ProcessSettings { Arguments = arguments }) != 0)
            failedProjects.Add(name);
    }

    int passed = 0, failed = 0, skipped = 0;
    foreach (var trx in GetFiles($"{testResults}/*.trx"))
    {
        var counters = XDocument.Load(trx.FullPath).Descendants().First(e => e.Name.LocalName == "Counters");
        int Count(string attribute) => int.Parse(counters.Attribute(attribute)?.Value ?? "0");
        passed += Count("passed");
        failed += Count("failed") + Count("error") + Count("timeout") + Count("aborted");
        skipped += Count("notExecuted");
    }

    // A project that crashed before writing its results still fails the run.
    var missing = testProjects.Select(p => p.GetFilenameWithoutExtension().ToString())
        .Where(n => !FileExists($"{testResults}/{n}.trx")).ToList();
    failed += missing.Count;
    foreach (var name in missing)
        Error($"{name} wrote no results: counted as one failure.");

    // Plain Console, not Information: the closing line must carry no colour codes for the CI's reader.
    Console.WriteLine();
    if (skipped > 0)
        Console.WriteLine($"{skipped} skipped");
    Console.WriteLine($"{passed} passed, {failed} failed");
    if (failed > 0 || failedProjects.Count > 0)
        throw new Exception($"Tests failed in: {string.Join(", ", failedProjects.Concat(missing).Distinct())}");
});

Task("Demo")
    .Description("Runs distlogd on the embedded defaults and a demo app that logs a nested task tree.")
    .IsDependentOn("Deps")
    .IsDependentOn("Build")
    .Does(() =>
{
    var exitCode = StartProcess("bash", new ProcessSettings { Arguments = $"scripts/demo.sh {configuration}" });
    if (exitCode != 0)
        throw new Exception($"The demo failed with exit code {exitCode}.");
});

Task("Bench")
    .Description("Runs the BenchmarkDotNet suites; --filter selects (default: all).")
    .Does(() =>
{
    var filter = testFilter == "" ? "*" : testFilter;
    DotNetRun("./test/Distlog.Benchmarks/Distlog.Benchmarks.csproj", new ProcessArgumentBuilder().Append("--filter").AppendQuoted(filter),
        new DotNetRunSettings { Configuration = "Release" });
});

Task("Load")
    .Description("Runs the load harness (several minutes; not part of CI).")
    .IsDependentOn("Deps")
    .Does(() =>
{
    var exitCode = StartProcess("bash", new ProcessSettings { Arguments = "scripts/load.sh" });
    if (exitCode != 0)
        throw new Exception($"The load harness failed with exit code {exitCode}.");
});

Task("Default").IsDependentOn("Build");

RunTarget(target);
