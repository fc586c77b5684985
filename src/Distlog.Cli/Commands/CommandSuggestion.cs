using System.CommandLine;

namespace Distlog.Cli.Commands;

/// <summary>The "did you mean" of an unknown command: the subcommands within two edits (a swap counts as one).</summary>
static class CommandSuggestion
{
    const int MaxDistance = 2;

    /// <summary><c>; did you mean 'tail'?</c>, or <c>.</c> where no command is close.</summary>
    public static string For(string typed, Command root)
    {
        var close = root.Subcommands
            .Select(c => (c.Name, Distance: Distance(typed.ToLowerInvariant(), c.Name)))
            .Where(c => c.Distance <= MaxDistance)
            .OrderBy(c => c.Distance)
            .Select(c => $"'{c.Name}'")
            .ToList();
        return close.Count == 0 ? "." : $"; did you mean {string.Join(" or ", close)}?";
    }

    // Optimal string alignment distance: insertions, deletions, substitutions and swaps of neighbours cost one each.
    static int Distance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++)
            d[i, 0] = i;
        for (var j = 0; j <= b.Length; j++)
            d[0, j] = j;
        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
            }
        }

        return d[a.Length, b.Length];
    }
}
