using System.Diagnostics;

namespace Distlog.Cli.Tests.Support;

/// <summary>
/// Runs a .NET program where libzmq cannot load, as on a machine that never installed it: in a mount namespace of its
/// own (<c>unshare -m</c>, which needs root, as CI and the developers' machines have), an empty file is bound over every
/// libzmq the dynamic linker knows, so that loading it fails; the rest of the machine is untouched.
/// </summary>
static class WithoutLibZmq
{
    /// <summary><c>dotnet <paramref name="dll"/> <paramref name="args"/></c> without libzmq, with <paramref name="environment"/>.</summary>
    public static ChildProcess Run(string dll, string? workingDirectory, IEnumerable<KeyValuePair<string, string>> environment, params string[] args)
    {
        var libraries = InstalledLibraries();
        Assert.That(libraries, Is.Not.Empty, "ldconfig -p lists no libzmq: install libzmq5, which the other tests need too");
        var hide = string.Join(" && ", libraries.Select(path => $"mount --bind /dev/null '{path}'"));
        var start = ChildProcess.StartInfo("unshare", ["-m", "sh", "-c", $"{hide} && exec \"$@\"", "sh", "dotnet", dll, .. args], workingDirectory);
        foreach (var (name, value) in environment)
            start.Environment[name] = value;
        return new ChildProcess(start);
    }

    /// <summary>The files behind the libzmq names in the linker's cache, links resolved.</summary>
    static IReadOnlyList<string> InstalledLibraries()
    {
        using var ldconfig = Process.Start(new ProcessStartInfo("ldconfig", ["-p"]) { RedirectStandardOutput = true, UseShellExecute = false })!;
        var output = ldconfig.StandardOutput.ReadToEnd();
        ldconfig.WaitForExit();
        return output.Split('\n')
            .Where(line => line.TrimStart().StartsWith("libzmq.", StringComparison.Ordinal) && line.Contains("=>", StringComparison.Ordinal))
            .Select(line => line[(line.IndexOf("=>", StringComparison.Ordinal) + 2)..].Trim())
            .Select(path => new FileInfo(path).ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? path)
            .Distinct()
            .ToList();
    }
}
