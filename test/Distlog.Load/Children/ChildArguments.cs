using System.Globalization;

namespace Distlog.Load.Children;

/// <summary>The <c>--name value</c> pairs a child role is started with; the harness writes them, so a missing one is a bug.</summary>
sealed class ChildArguments
{
    readonly Dictionary<string, string> _values = [];

    public ChildArguments(IReadOnlyList<string> args)
    {
        for (var i = 0; i + 1 < args.Count; i += 2)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal))
                throw new ArgumentException($"Expected --name value pairs, got '{args[i]}'.");
            _values[args[i][2..]] = args[i + 1];
        }
    }

    public string Text(string name, string? fallback = null) =>
        _values.TryGetValue(name, out var value) ? value
        : fallback ?? throw new ArgumentException($"The child argument --{name} is missing.");

    public long Int64(string name, long? fallback = null) =>
        _values.TryGetValue(name, out var value) ? long.Parse(value, CultureInfo.InvariantCulture)
        : fallback ?? throw new ArgumentException($"The child argument --{name} is missing.");

    public int Int32(string name, int? fallback = null) => checked((int)Int64(name, fallback));
}
