namespace Distlog;

public sealed partial class DistlogTask
{
    /// <summary>Runs <paramref name="body"/> as a subtask of <see cref="Current"/> (or a root task), failed if it throws.</summary>
    public static void Run(string messageTemplate, Action<DistlogTask> body) => Run(messageTemplate, [], body);

    /// <summary>Runs <paramref name="body"/> as a subtask of <see cref="Current"/> (or a root task), failed if it throws.</summary>
    public static void Run(string messageTemplate, object?[] propertyValues, Action<DistlogTask> body)
    {
        ArgumentNullException.ThrowIfNull(body);
        using var task = To(messageTemplate, propertyValues);
        try
        {
            body(task);
        }
        catch (Exception ex) when (task.Fail(ex))
        {
            // Fail returns false: the filter records the failure and the exception propagates unwound.
        }
    }

    /// <summary>Runs <paramref name="body"/> as a subtask and returns its result; the task fails if it throws.</summary>
    public static T Run<T>(string messageTemplate, Func<DistlogTask, T> body) => Run(messageTemplate, [], body);

    /// <summary>Runs <paramref name="body"/> as a subtask and returns its result; the task fails if it throws.</summary>
    public static T Run<T>(string messageTemplate, object?[] propertyValues, Func<DistlogTask, T> body)
    {
        ArgumentNullException.ThrowIfNull(body);
        using var task = To(messageTemplate, propertyValues);
        try
        {
            return body(task);
        }
        catch (Exception ex) when (task.Fail(ex))
        {
            throw; // unreachable: Fail returns false
        }
    }

    /// <summary>Awaits <paramref name="body"/> as a subtask of <see cref="Current"/> (or a root task), failed if it throws.</summary>
    public static Task RunAsync(string messageTemplate, Func<DistlogTask, Task> body) => RunAsync(messageTemplate, [], body);

    /// <summary>Awaits <paramref name="body"/> as a subtask of <see cref="Current"/> (or a root task), failed if it throws.</summary>
    public static Task RunAsync(string messageTemplate, object?[] propertyValues, Func<DistlogTask, Task> body) =>
        RunAsync<object?>(messageTemplate, propertyValues, async task => { await body(task).ConfigureAwait(false); return null; });

    /// <summary>Awaits <paramref name="body"/> as a subtask and returns its result; the task fails if it throws.</summary>
    public static Task<T> RunAsync<T>(string messageTemplate, Func<DistlogTask, Task<T>> body) => RunAsync(messageTemplate, [], body);

    /// <summary>Awaits <paramref name="body"/> as a subtask and returns its result; the task fails if it throws.</summary>
    public static async Task<T> RunAsync<T>(string messageTemplate, object?[] propertyValues, Func<DistlogTask, Task<T>> body)
    {
        ArgumentNullException.ThrowIfNull(body);
        using var task = To(messageTemplate, propertyValues);
        try
        {
            return await body(task).ConfigureAwait(false);
        }
        catch (Exception ex) when (task.Fail(ex))
        {
            throw; // unreachable: Fail returns false
        }
    }
}
