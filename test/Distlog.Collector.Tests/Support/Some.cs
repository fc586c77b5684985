using System.Globalization;
using System.Text.Json;

namespace Distlog.Collector.Tests.Support;

/// <summary>Test data: CLEF lines with a numbered <c>N</c> property, task keys and YAML snippets.</summary>
static class Some
{
    public const string Root = "4bf92f3577b34da6a3ce929d0e0e4736";

    /// <summary>One CLEF event <c>Event {N}</c> with the given properties (null ones omitted).</summary>
    public static string ClefLine(long n, string? level = null, string? application = "orders", string? taskKey = null, string? exception = null)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("@t", new DateTime(2024, 5, 1, 12, 0, 0, DateTimeKind.Utc).AddMilliseconds(n).ToString("O", CultureInfo.InvariantCulture));
            json.WriteString("@mt", "Event {N}");
            if (level is not null)
                json.WriteString("@l", level);
            if (exception is not null)
                json.WriteString("@x", exception);
            json.WriteNumber("N", n);
            if (application is not null)
                json.WriteString("Application", application);
            if (taskKey is not null)
                json.WriteString("TaskKey", taskKey);
            json.WriteEndObject();
        }
        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }

    /// <summary>The task key of event <paramref name="n"/> in a small tree under <see cref="Root"/>.</summary>
    public static string TaskKey(long n) => $"{n}@{Root}/{n % 3}";

    public static string Yaml(string ingest, params string[] plugins) =>
        $"ingest:\n  endpoints: [\"{ingest}\"]\nplugins:\n" + string.Concat(plugins.Select(p => "  - " + p.Replace("\n", "\n    ") + "\n"));
}
