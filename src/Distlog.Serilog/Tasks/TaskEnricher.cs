using Serilog.Core;
using Serilog.Events;

namespace Distlog.Tasks;

/// <summary>
/// Pushed onto Serilog's <c>LogContext</c> by each task scope: gives every event written inside the
/// scope its <c>TaskKey</c> and the bound properties of the scope and its ancestors.
/// </summary>
sealed class TaskEnricher(DistlogTask task) : ILogEventEnricher
{
    readonly DistlogTask _task = task;

    public void Enrich(LogEvent logEvent, ILogEventPropertyFactory propertyFactory)
    {
        // Every enclosing scope's enricher is on the LogContext stack too; only the innermost one,
        // the current task, numbers the event. Boundary events arrive already keyed.
        if (!ReferenceEquals(DistlogTask.Current, _task) || logEvent.Properties.ContainsKey(TaskProperties.TaskKey))
            return;

        _task.AddTaskProperties(logEvent);
    }
}
