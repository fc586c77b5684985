using System.Text;
using Distlog.Cli.Filtering;

namespace Distlog.Cli.Tailing;

/// <summary>
/// Turns <c>tail</c>'s filters into SUB prefixes of the publish topic <c>"{system}LC/{Level}/{Application}"</c>, so
/// the collector sends only what is asked for. A prefix cannot end a name (<c>PLC/Error/orders</c> also
/// matches <c>orders-eu</c>), so <see cref="Matches"/> checks the application exactly on arrival.
/// </summary>
static class TailSubscriptions
{
    /// <summary>The prefixes to subscribe to.</summary>
    public static IReadOnlyList<string> Prefixes(TailOptions options)
    {
        var prefixes = new List<string>();
        foreach (var system in options.Systems)
        {
            if (options.MinimumLevel is null && options.Application is null)
            {
                prefixes.Add($"{system}LC/");
                continue;
            }

            // Without --level, an --app still narrows the subscription: one prefix per level.
            foreach (var level in LevelNames.AtLeast(options.MinimumLevel ?? Serilog.Events.LogEventLevel.Verbose))
                prefixes.Add(options.Application is null ? $"{system}LC/{level}" : $"{system}LC/{level}/{options.Application}");
        }

        return prefixes;
    }

    /// <summary>True where a topic that passed the prefixes names exactly the wanted application.</summary>
    public static bool Matches(ReadOnlySpan<byte> topic, TailOptions options)
    {
        if (options.Application is null)
            return true;

        // The application is everything after the second slash, slashes included.
        for (var i = 0; i < 2; i++)
        {
            var slash = topic.IndexOf((byte)'/');
            if (slash < 0)
                return false;
            topic = topic[(slash + 1)..];
        }

        return Encoding.UTF8.GetString(topic) == options.Application;
    }
}
