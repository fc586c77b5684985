using System.Diagnostics;
using System.Reflection;

namespace Distlog.Cli.Tests.Support;

/// <summary>
/// The solution's packages made with <c>dotnet pack</c> (of the build the tests run from, <c>--no-build</c>) into a temp
/// folder, and its two tools installed from there with <c>dotnet tool install --tool-path</c>, as a user installs them.
/// NuGet's package cache is a temp folder too, so that an earlier install of the same version is never taken instead.
/// </summary>
sealed class InstalledTools : IDisposable
{
    public static readonly string[] Packages = ["Distlog.Serilog", "Distlog.Collector", "Distlog.Cli"];
    static readonly TimeSpan CommandTimeout = TimeSpan.FromSeconds(120);

    readonly TempFolder _folder = new();

    InstalledTools()
    {
    }

    /// <summary>Where the <c>.nupkg</c> files are.</summary>
    public string PackageFolder => _folder.Combine("packages");

    /// <summary>The tool path holding the <c>distlogd</c> and <c>distlog</c> commands.</summary>
    public string ToolFolder => _folder.Combine("tools");

    public static InstalledTools PackAndInstall()
    {
        var tools = new InstalledTools();
        try
        {
            var root = RepositoryRoot();
            var configuration = typeof(InstalledTools).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
                .Single(a => a.Key == "Configuration").Value!;
            foreach (var package in Packages)
            {
                var project = Path.Combine(root, "src", package, package + ".csproj");
                Check(tools.RunFile("dotnet", null, "pack", project, "--no-build", "-c", configuration, "-o", tools.PackageFolder, "-v", "q", "-nologo"));
            }
            foreach (var tool in new[] { "Distlog.Collector", "Distlog.Cli" })
            {
                Check(tools.RunFile("dotnet", tools._folder.Path, "tool", "install", tool, "--tool-path", tools.ToolFolder,
                    "--add-source", tools.PackageFolder, "--ignore-failed-sources"));
            }
            return tools;
        }
        catch
        {
            tools.Dispose();
            throw;
        }
    }

    /// <summary>Runs an installed command to its end.</summary>
    public CliResult Run(string command, string? workingDirectory, params string[] args) =>
        RunFile(Path.Combine(ToolFolder, command), workingDirectory, args);

    /// <summary>Starts an installed command; the caller ends it.</summary>
    public ChildProcess Start(string command, string workingDirectory, params string[] args) =>
        new(Info(Path.Combine(ToolFolder, command), workingDirectory, args));

    public void Dispose() => _folder.Dispose();

    CliResult RunFile(string file, string? workingDirectory, params string[] args)
    {
        using var process = new ChildProcess(Info(file, workingDirectory, args));
        process.WaitForExit(CommandTimeout);
        return CliResult.Of(process);
    }

    ProcessStartInfo Info(string file, string? workingDirectory, string[] args)
    {
        var start = ChildProcess.StartInfo(file, args, workingDirectory);
        start.Environment["NUGET_PACKAGES"] = _folder.Combine("nuget");
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        return start;
    }

    static void Check(CliResult result) => Assert.That(result.ExitCode, Is.Zero, result.ToString());

    static string RepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "Distlog.Serilog.sln")))
                return folder.FullName;
        }
        throw new InvalidOperationException($"Distlog.Serilog.sln is not above {AppContext.BaseDirectory}");
    }
}
