using Distlog.Tasks;
using Serilog.Events;

namespace Distlog.Serilog.Tests.Support;

static class LogEventExtensions
{
    public static object? Scalar(this LogEvent logEvent, string name) =>
        logEvent.Properties.TryGetValue(name, out var value) ? (value as ScalarValue)?.Value : null;

    public static TaskKey Key(this LogEvent logEvent) =>
        TaskKey.TryParse(logEvent.Scalar("TaskKey") as string, out var key)
            ? key
            : throw new AssertionException($"Event '{logEvent.MessageTemplate}' has no valid TaskKey.");

    public static string Message(this LogEvent logEvent) => logEvent.RenderMessage();
}
