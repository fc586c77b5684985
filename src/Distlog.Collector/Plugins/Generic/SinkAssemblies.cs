using System.Reflection;
using System.Runtime.Loader;

namespace Distlog.Collector.Plugins.Generic;

/// <summary>
/// Loads the assembly a plugin's <c>using</c> names: by assembly name (the collector's own dependencies, or a
/// <c>Name.dll</c> copied into the collector's folder), or by a path to a <c>.dll</c>. An assembly loaded from a
/// folder finds its own dependencies in that folder.
/// </summary>
internal static class SinkAssemblies
{
    private static readonly Lock Gate = new();
    private static readonly HashSet<string> ProbedFolders = new(StringComparer.Ordinal);

    public static Assembly Load(string name)
    {
        if (name.EndsWith(".dll", StringComparison.OrdinalIgnoreCase))
            return LoadFromPath(Path.GetFullPath(name));

        try
        {
            return AssemblyLoadContext.Default.LoadFromAssemblyName(new AssemblyName(name));
        }
        catch (Exception ex) when (ex is FileNotFoundException or FileLoadException)
        {
            var candidate = Path.Combine(AppContext.BaseDirectory, name + ".dll");
            if (File.Exists(candidate))
                return LoadFromPath(candidate);
            throw new FileNotFoundException(
                $"assembly '{name}' was not found; copy {name}.dll (and its dependencies) next to distlogd.dll, or give `using` the path of the .dll");
        }
    }

    private static Assembly LoadFromPath(string path)
    {
        if (!File.Exists(path))
            throw new FileNotFoundException($"assembly file '{path}' does not exist");
        ProbeFolder(Path.GetDirectoryName(path)!);
        return AssemblyLoadContext.Default.LoadFromAssemblyPath(path);
    }

    private static void ProbeFolder(string folder)
    {
        lock (Gate)
        {
            if (!ProbedFolders.Add(folder))
                return;
        }
        AssemblyLoadContext.Default.Resolving += (context, assemblyName) =>
        {
            var candidate = Path.Combine(folder, assemblyName.Name + ".dll");
            return File.Exists(candidate) ? context.LoadFromAssemblyPath(candidate) : null;
        };
    }
}
