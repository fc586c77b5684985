using Distlog;

namespace Serilog;

/// <summary>Starts <see cref="DistlogTask"/>s from an <see cref="ILogger"/>, for code that is handed its logger.</summary>
public static class DistlogLoggerExtensions
{
    /// <summary>
    /// Starts a subtask of <see cref="DistlogTask.Current"/>, or a root task where there is none, writing its
    /// boundary events (and those of subtasks started without a logger) through <paramref name="logger"/>.
    /// </summary>
    public static DistlogTask StartTask(this ILogger logger, string messageTemplate, params object?[]? propertyValues) =>
        DistlogTask.To(logger, messageTemplate, propertyValues);
}
