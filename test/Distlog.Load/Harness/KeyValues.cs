using System.Globalization;

namespace Distlog.Load.Harness;

/// <summary>The <c>key=value</c> pairs of a child's READY or RESULT line.</summary>
sealed class KeyValues
{
    readonly Dictionary<string, string> _values = [];

    public KeyValues(string line)
    {
        foreach (var part in line.Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1))
        {
            var equals = part.IndexOf('=');
            if (equals > 0)
                _values[part[..equals]] = part[(equals + 1)..];
        }
    }

    public string Text(string key) =>
        _values.TryGetValue(key, out var value) ? value : throw new LoadException($"A child's report lacks '{key}'.");

    public long Int64(string key) => long.Parse(Text(key), CultureInfo.InvariantCulture);

    public double Double(string key) => double.Parse(Text(key), CultureInfo.InvariantCulture);
}
