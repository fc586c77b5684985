using Serilog.Events;

namespace Distlog.Serilog.Tests.Support;

/// <summary>Real Serilog events for tests, made by a logger rather than by hand where that is possible.</summary>
static class Some
{
    /// <summary>A timestamp with a non-UTC offset and sub-millisecond ticks, to catch lost precision.</summary>
    public static DateTimeOffset Timestamp { get; } = new DateTimeOffset(2024, 5, 1, 14, 30, 45, TimeSpan.FromHours(2)).AddTicks(1234567);

    /// <summary>The event an Information call with this template and these values logs.</summary>
    public static LogEvent Event(string template, params object?[] values) =>
        Event(LogEventLevel.Information, null, template, values);

    /// <summary>The event a logger writes for this call.</summary>
    public static LogEvent Event(LogEventLevel level, Exception? exception, string template, params object?[] values)
    {
        using var log = new TestLogger();
        log.Logger.Write(level, exception, template, values);
        return log.Events.Single();
    }

    /// <summary>An event built by hand, for values a logger would not produce (odd names, deep nesting).</summary>
    public static LogEvent EventWith(params LogEventProperty[] properties) =>
        new(Timestamp, LogEventLevel.Information, null, MessageTemplate.Empty, properties);

    /// <summary>An event with one property <c>P</c> holding <paramref name="value"/>.</summary>
    public static LogEvent EventWith(LogEventPropertyValue value) => EventWith(new LogEventProperty("P", value));

    /// <summary>An exception with a real stack trace.</summary>
    public static Exception ThrownException()
    {
        try
        {
            throw new InvalidOperationException("Something \"odd\" happened\non two lines");
        }
        catch (InvalidOperationException ex)
        {
            return ex;
        }
    }
}
