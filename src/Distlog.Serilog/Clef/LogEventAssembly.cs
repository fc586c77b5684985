using System.Diagnostics;
using System.Runtime.CompilerServices;
using Serilog.Events;

namespace Distlog.Clef;

/// <summary>
/// Builds a <see cref="LogEvent"/> around a dictionary sized for its properties. Serilog's public constructors add the
/// properties one by one to a dictionary created without a capacity, which grows (and leaves garbage) several times
/// for a typical event; its internal constructor takes the dictionary as it is. Where that constructor is missing (a
/// Serilog version without it), the public one is used.
/// </summary>
static class LogEventAssembly
{
    static volatile bool _internalConstructorMissing;

    /// <summary>False once Serilog's internal constructor was found missing and the public one is used instead.</summary>
    public static bool UsesPresizedDictionary => !_internalConstructorMissing;

    public static LogEvent Create(DateTimeOffset timestamp, LogEventLevel level, Exception? exception, MessageTemplate template,
        List<LogEventProperty> properties, ActivityTraceId traceId, ActivitySpanId spanId)
    {
        if (!_internalConstructorMissing)
        {
            var dictionary = new Dictionary<string, LogEventPropertyValue>(properties.Count);
            foreach (var property in properties)
                dictionary[property.Name] = property.Value;
            try
            {
                return Construct(timestamp, level, exception, template, dictionary, traceId, spanId);
            }
            catch (MissingMethodException)
            {
                _internalConstructorMissing = true;
            }
        }

        return new LogEvent(timestamp, level, exception, template, properties, traceId, spanId);
    }

    [UnsafeAccessor(UnsafeAccessorKind.Constructor)]
    static extern LogEvent Construct(DateTimeOffset timestamp, LogEventLevel level, Exception? exception, MessageTemplate messageTemplate,
        Dictionary<string, LogEventPropertyValue> properties, ActivityTraceId traceId, ActivitySpanId spanId);
}
