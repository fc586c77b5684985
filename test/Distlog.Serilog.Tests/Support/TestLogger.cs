using Serilog;
using Serilog.Core;
using Serilog.Events;

namespace Distlog.Serilog.Tests.Support;

/// <summary>A logger enriched from <c>LogContext</c>, as task scopes expect, writing to a <see cref="CollectingSink"/>.</summary>
sealed class TestLogger : IDisposable
{
    public TestLogger(LogEventLevel minimumLevel = LogEventLevel.Verbose)
    {
        Logger = new LoggerConfiguration()
            .MinimumLevel.Is(minimumLevel)
            .Enrich.FromLogContext()
            .WriteTo.Sink(Sink)
            .CreateLogger();
    }

    public CollectingSink Sink { get; } = new();

    public Logger Logger { get; }

    public IReadOnlyList<LogEvent> Events => Sink.Events;

    public void Dispose() => Logger.Dispose();
}
