using Distlog.Collector.Configuration;

namespace Distlog.Collector.Plugins;

/// <summary>A built-in plugin's <c>args</c>, checked against the names it knows and converted with config-located errors.</summary>
sealed class PluginArguments
{
    readonly PluginSettings _plugin;
    readonly Dictionary<string, PluginArgument> _args = new(StringComparer.OrdinalIgnoreCase);

    public PluginArguments(PluginSettings plugin, params string[] known)
    {
        _plugin = plugin;
        foreach (var argument in plugin.Args)
        {
            if (!known.Contains(argument.Name, StringComparer.OrdinalIgnoreCase))
            {
                var list = known.Length == 0 ? "it takes none" : "known arguments: " + string.Join(", ", known);
                throw argument.Error($"unknown argument '{argument.Name}' for sink '{plugin.Sink}'; {list}");
            }
            _args[argument.Name] = argument;
        }
    }

    public PluginArgument? Find(string name) => _args.GetValueOrDefault(name);

    /// <summary>The argument converted to <typeparamref name="T"/>, or <paramref name="defaultValue"/> where it is absent.</summary>
    public T Get<T>(string name, T defaultValue)
    {
        if (Find(name) is not { } argument)
            return defaultValue;
        try
        {
            return (T)ArgumentConverter.Convert(argument.Value, typeof(T))!;
        }
        catch (Exception ex) when (ex is FormatException or InvalidCastException or ArgumentException or OverflowException or NullReferenceException)
        {
            throw argument.Error($"expected {Describe(typeof(T))}: {ex.Message}", ex);
        }
    }

    /// <summary>A string that must not be empty.</summary>
    public string GetText(string name, string defaultValue)
    {
        var value = Get<string?>(name, defaultValue);
        if (!string.IsNullOrWhiteSpace(value))
            return value;
        throw Find(name)?.Error("a value is required") ?? _plugin.Error($"the argument '{name}' is required");
    }

    /// <summary>
    /// Runs a plugin's own check of its options; an <see cref="ArgumentException"/> whose parameter is an <c>args</c> key
    /// becomes a configuration error at that argument's line (at the plugin's where the key is absent).
    /// </summary>
    public void Check(Action validate)
    {
        try
        {
            validate();
        }
        catch (ArgumentException ex)
        {
            var problem = ex.Message.Replace($" (Parameter '{ex.ParamName}')", "", StringComparison.Ordinal);
            var argument = ex.ParamName is { } name ? Find(name) : null;
            throw argument?.Error(problem, ex) ?? _plugin.Error(problem);
        }
    }

    static string Describe(Type type) =>
        Nullable.GetUnderlyingType(type) is { } inner ? $"{inner.Name} or null" : type.Name;
}
