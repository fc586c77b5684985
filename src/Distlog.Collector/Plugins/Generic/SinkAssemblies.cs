using System.Reflection;
using System.Runtime.Loader;

namespace Distlog.Collector.Plugins.Generic;

/// <summary>
/// Loads the assembly a plugin's <c>using</c> names, only from known folders: the collector's own dependencies, else
/// <c>Name.dll</c> in distlogd's folder or in a folder of <c>pluginsPath</c>, in that order. An assembly loaded from a
/// folder finds its own dependencies in that folder. The name is never a path (the config reader refuses one).
/// </summary>
static class SinkAssemblies
{
    static readonly Lock Gate = new();
    static readonly HashSet<string> ProbedFolders = new(StringComparer.Ordinal);

    public static Assembly Load(string name, IReadOnlyList<string> folders)
    {
        if (name.IndexOfAny(['/', '\\']) >= 0 || name.Contains("..", StringComparison.Ordinal))
            throw new ArgumentException($"'{name}' is a path; `using` takes an assembly name");

        try
        {
            return AssemblyLoadContext.Default.LoadFromAssemblyName(new AssemblyName(name));
        }
        catch (Exception ex) when (ex is FileNotFoundException or FileLoadException)
        {
            foreach (var folder in folders)
            {
                var candidate = Path.Combine(folder, name + ".dll");
                if (File.Exists(candidate))
                    return LoadFromPath(candidate);
            }
            throw new FileNotFoundException(
                $"assembly '{name}' was not found; copy {name}.dll (and its dependencies) next to distlogd.dll or into a folder listed in pluginsPath (searched: {string.Join(", ", folders)})");
        }
    }

    static Assembly LoadFromPath(string path)
    {
        ProbeFolder(Path.GetDirectoryName(path)!);
        return AssemblyLoadContext.Default.LoadFromAssemblyPath(path);
    }

    static void ProbeFolder(string folder)
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
