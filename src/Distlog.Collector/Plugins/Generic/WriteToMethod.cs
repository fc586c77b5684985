using System.Reflection;
using System.Runtime.CompilerServices;
using Distlog.Collector.Configuration;
using Serilog;
using Serilog.Configuration;
using Serilog.Core;

namespace Distlog.Collector.Plugins.Generic;

/// <summary>
/// A Serilog <c>WriteTo</c> extension method chosen for a plugin and its arguments bound by name, the way
/// Serilog.Settings.Configuration picks an overload: among the public static methods named like the sink whose first
/// parameter is <see cref="LoggerSinkConfiguration"/>, those where every argument names a parameter and every other
/// parameter has a default; the one binding the most arguments, then with the fewest parameters, wins.
/// </summary>
internal sealed class WriteToMethod
{
    private readonly MethodInfo _method;
    private readonly object?[] _values;

    private WriteToMethod(MethodInfo method, object?[] values)
    {
        _method = method;
        _values = values;
    }

    public static WriteToMethod Bind(PluginSettings plugin, Assembly assembly)
    {
        var candidates = Candidates(assembly, plugin.Sink);
        if (candidates.Count == 0)
            throw plugin.Error($"no WriteTo method '{plugin.Sink}' in assembly '{assembly.GetName().Name}' (names are case-sensitive, e.g. File, Console, Seq)");

        var method = Choose(candidates, plugin.Args)
            ?? throw plugin.Error(plugin.Args.Count == 0
                ? $"WriteTo.{plugin.Sink} needs arguments (args:); overloads, ? marking optional ones: {Describe(candidates)}"
                : $"no overload of WriteTo.{plugin.Sink} takes the arguments [{string.Join(", ", plugin.Args.Select(a => a.Name))}]; overloads, ? marking optional ones: {Describe(candidates)}");

        var parameters = method.GetParameters();
        var values = new object?[parameters.Length];
        for (var i = 1; i < parameters.Length; i++)
        {
            var parameter = parameters[i];
            var argument = plugin.Args.FirstOrDefault(a => Matches(a, parameter));
            values[i] = argument is null ? Type.Missing : Convert(argument, parameter.ParameterType);
        }
        return new WriteToMethod(method, values);
    }

    /// <summary>Builds a logger holding only this sink, at <c>Verbose</c> (the plugin filter decides what reaches it).</summary>
    public Logger CreateLogger()
    {
        var configuration = new LoggerConfiguration().MinimumLevel.Verbose();
        var values = (object?[])_values.Clone();
        values[0] = configuration.WriteTo;
        try
        {
            _method.Invoke(null, values);
        }
        catch (TargetInvocationException ex) when (ex.InnerException is not null)
        {
            throw ex.InnerException;
        }
        return configuration.CreateLogger();
    }

    private static List<MethodInfo> Candidates(Assembly assembly, string name)
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

    private static MethodInfo? Choose(List<MethodInfo> candidates, IReadOnlyList<PluginArgument> args) => candidates
        .Where(m => IsApplicable(m, args))
        .OrderByDescending(m => m.GetParameters().Count(p => args.Any(a => Matches(a, p))))
        .ThenBy(m => m.GetParameters().Length)
        .FirstOrDefault();

    private static bool IsApplicable(MethodInfo method, IReadOnlyList<PluginArgument> args)
    {
        var parameters = method.GetParameters().Skip(1).ToArray();
        return args.All(a => parameters.Any(p => Matches(a, p)))
            && parameters.All(p => p.HasDefaultValue || args.Any(a => Matches(a, p)));
    }

    private static bool Matches(PluginArgument argument, ParameterInfo parameter) =>
        string.Equals(argument.Name, parameter.Name, StringComparison.OrdinalIgnoreCase);

    private static object? Convert(PluginArgument argument, Type type)
    {
        try
        {
            return ArgumentConverter.Convert(argument.Value, type);
        }
        catch (Exception ex) when (ex is FormatException or InvalidCastException or ArgumentException or OverflowException)
        {
            throw argument.Error($"cannot convert to {type.Name}: {ex.Message}", ex);
        }
    }

    private static string Describe(List<MethodInfo> candidates) => string.Join("; ", candidates.Select(m =>
        "(" + string.Join(", ", m.GetParameters().Skip(1).Select(p => p.HasDefaultValue ? p.Name + "?" : p.Name)) + ")"));
}
