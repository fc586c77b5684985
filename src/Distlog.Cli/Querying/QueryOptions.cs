using Distlog.Cli.Filtering;
using Serilog.Events;

namespace Distlog.Cli.Querying;

/// <summary>The filters of <c>distlog query</c> (and of <c>tree --db</c>). Immutable.</summary>
sealed record QueryOptions
{
    /// <summary>The default of <c>--limit</c>.</summary>
    public const int DefaultLimit = 100;

    /// <summary>The task tree or subtree; null for all.</summary>
    public TaskSelector? Task { get; init; }

    /// <summary>The lowest level; null for all.</summary>
    public LogEventLevel? MinimumLevel { get; init; }

    /// <summary>The exact application; null for all.</summary>
    public string? Application { get; init; }

    /// <summary>The system letter (<c>P</c>, <c>S</c>, <c>T</c>); null for all.</summary>
    public char? System { get; init; }

    /// <summary>Events at or after this instant; null for no bound.</summary>
    public DateTimeOffset? Since { get; init; }

    /// <summary>Events before this instant; null for no bound.</summary>
    public DateTimeOffset? Until { get; init; }

    /// <summary>A substring of the rendered message, matched ignoring ASCII case; null for all.</summary>
    public string? Text { get; init; }

    /// <summary>Properties each event must have with these values, compared as text as <c>print --property</c> does; empty for all.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Properties { get; init; } = [];

    /// <summary>A Serilog.Expressions condition (<c>--filter</c>), checked on each row the SQL selects; null for none.</summary>
    public Serilog.Expressions.CompiledExpression? Expression { get; init; }

    /// <summary>True where rows are checked after SQL (properties, an expression), so the limit is counted after that check.</summary>
    public bool FiltersRows => Properties.Count > 0 || Expression is not null;

    /// <summary>The most recent this many matching events are returned (oldest first); null for all of them.</summary>
    public int? Limit { get; init; } = DefaultLimit;
}
