using System.Reflection;
using System.Runtime.CompilerServices;
using Distlog.Collector.Configuration;
using Serilog.Configuration;

namespace Distlog.Collector.Plugins.Generic;

/// <summary>
/// Checks a plugin's argument names against the <c>WriteTo</c> overloads of its assembly before Serilog.Settings.Configuration
/// binds them: that binder picks an overload by the names it can use and passes over the others in silence (a typo in an
/// optional argument would be lost), so here every argument must name a parameter of one overload whose other parameters
/// all have defaults. An argument no overload knows is an error at its own line.
/// </summary>
static class WriteToOverloads
{
    /// <summary>Checks the names; returns the type of each argument's parameter (by name, any case) in the overloads that fit.</summary>
    public static IReadOnlyDictionary<string, Type> Check(PluginSettings plugin, Assembly assembly)
    {
        var candidates = Candidates(assembly, plugin.Sink);
        if (candidates.Count == 0)
            throw plugin.Error($"no WriteTo method '{plugin.Sink}' in assembly '{assembly.GetName().Name}' (names are case-sensitive, e.g. File, Console, Seq)");
        var applicable = candidates.FindAll(m => IsApplicable(m, plugin.Args));
        if (applicable.Count > 0)
        {
            var types = new Dictionary<string, Type>(StringComparer.OrdinalIgnoreCase);
            foreach (var parameter in applicable.SelectMany(m => m.GetParameters().Skip(1)))
                types.TryAdd(parameter.Name!, parameter.ParameterType);
            return types;
        }

        var unknown = plugin.Args.FirstOrDefault(a => !candidates.Exists(m => m.GetParameters().Skip(1).Any(p => Matches(a, p))));
        if (unknown is not null)
            throw unknown.Error($"unknown argument '{unknown.Name}' for WriteTo.{plugin.Sink}; overloads, ? marking optional ones: {Describe(candidates)}");
        throw plugin.Error(plugin.Args.Count == 0
            ? $"WriteTo.{plugin.Sink} needs arguments (args:); overloads, ? marking optional ones: {Describe(candidates)}"
            : $"no overload of WriteTo.{plugin.Sink} takes the arguments [{string.Join(", ", plugin.Args.Select(a => a.Name))}]; overloads, ? marking optional ones: {Describe(candidates)}");
    }

    static List<MethodInfo> Candidates(Assembly assembly, string name)
    {
        var found = new List<MethodInfo>();
        foreach (var type in assembly.GetExportedTypes())
        {
            if (!type.IsSealed || !type.IsAbstract || !type.IsDefined(typeof(ExtensionAttribute), false))
                continue;
            foreach (var method in type.GetMethods(BindingFlags.Public | BindingFlags.Static))
            {
                var parameters = method.GetParameters();
                if (method.Name == name && parameters.Length > 0 && parameters[0].ParameterType == typeof(LoggerSinkConfiguration)
                    && !method.IsGenericMethodDefinition && !method.IsDefined(typeof(ObsoleteAttribute), false))
                    found.Add(method);
            }
        }
        return found;
    }

    static bool IsApplicable(MethodInfo method, IReadOnlyList<PluginArgument> args)
    {
        var parameters = method.GetParameters().Skip(1).ToArray();
        return args.All(a => parameters.Any(p => Matches(a, p)))
            && parameters.All(p => p.HasDefaultValue || args.Any(a => Matches(a, p)));
    }

    static bool Matches(PluginArgument argument, ParameterInfo parameter) =>
        string.Equals(argument.Name, parameter.Name, StringComparison.OrdinalIgnoreCase);

    static string Describe(List<MethodInfo> candidates) => string.Join("; ", candidates.Select(m =>
        "(" + string.Join(", ", m.GetParameters().Skip(1).Select(p => p.HasDefaultValue ? p.Name + "?" : p.Name)) + ")"));
}
