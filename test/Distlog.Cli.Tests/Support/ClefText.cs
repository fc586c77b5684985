using System.Text.Json.Nodes;

namespace Distlog.Cli.Tests.Support;

/// <summary>Builds CLEF lines by hand, so tests state exactly what the input is.</summary>
static class ClefText
{
    public const string Root = "4bf92f3577b34da6a3ce929d0e0e4736";

    public static string Line(
        string message,
        string time = "2024-05-01T10:00:00.0000000Z",
        string? level = null,
        string? app = null,
        string? taskKey = null,
        string? status = null,
        double? elapsed = null,
        string? exception = null,
        params (string Name, object Value)[] properties)
    {
        var json = new JsonObject { ["@t"] = time, ["@mt"] = message };
        if (level is not null)
            json["@l"] = level;
        if (exception is not null)
            json["@x"] = exception;
        if (app is not null)
            json["Application"] = app;
        if (taskKey is not null)
            json["TaskKey"] = taskKey;
        if (status is not null)
            json["TaskStatus"] = status;
        if (elapsed is not null)
            json["TaskElapsed"] = elapsed;
        foreach (var (name, value) in properties)
            json[name] = JsonValue.Create(value);
        return json.ToJsonString();
    }

    public static string Lines(params string[] lines) => string.Join("\n", lines) + "\n";
}
