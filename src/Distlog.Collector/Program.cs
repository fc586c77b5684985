using System.Globalization;
using System.Runtime.InteropServices;
using Distlog.Collector;
using Distlog.Collector.Configuration;
using Distlog.Collector.Security;
using Distlog.Transport;
using Serilog;
using Serilog.Debugging;

// distlogd: exit 0 after a clean shutdown (SIGINT/SIGTERM), 1 when start-up fails (bind, plugin, libzmq),
// 2 for a usage or configuration error. Failures are one line on stderr; the collector's own log is on stderr too,
// which leaves stdout to the console plugin.
const int Failure = 1, ConfigError = 2;

CommandLine commandLine;
CollectorSettings settings;
try
{
    commandLine = CommandLine.Parse(args);
    if (commandLine.Help)
    {
        Console.Out.WriteLine(CommandLine.Usage);
        return 0;
    }
    settings = commandLine.LoadSettings();
    BindPolicy.Check(settings);
}
catch (Exception ex) when (ex is UsageException or ConfigException)
{
    Console.Error.WriteLine($"distlogd: {ex.Message}");
    return ConfigError;
}

using var log = new LoggerConfiguration()
    .MinimumLevel.Information()
    .WriteTo.Console(
        outputTemplate: "[{Timestamp:HH:mm:ss} {Level:u3}] {Message:lj}{NewLine}{Exception}",
        formatProvider: CultureInfo.InvariantCulture,
        standardErrorFromLevel: Serilog.Events.LogEventLevel.Verbose)
    .CreateLogger();
SelfLog.Enable(message => Console.Error.WriteLine($"distlogd: serilog: {message}"));

Collector collector;
try
{
    collector = new Collector(settings, log);
}
catch (Exception ex)
{
    Console.Error.WriteLine($"distlogd: {ex.Message}");
    return ex is ConfigException ? ConfigError : Failure;
}

using (collector)
{
    using var stop = new ManualResetEventSlim();
    var signals = 0;
    void OnSignal(PosixSignalContext context)
    {
        // The first signal drains and exits 0; a second one, while draining, terminates at once.
        context.Cancel = Interlocked.Increment(ref signals) == 1;
        stop.Set();
    }
    using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, OnSignal);
    using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, OnSignal);
    // SIGHUP re-reads security.curve.authorizedClients, and nothing else; without CURVE it is ignored.
    using var sighup = OperatingSystem.IsWindows() ? null : PosixSignalRegistration.Create(PosixSignal.SIGHUP, context =>
    {
        context.Cancel = true;
        collector.ReloadClients();
    });

    try
    {
        collector.Start();
    }
    catch (Exception ex)
    {
        Console.Error.WriteLine(ex is ZmqException ? $"distlogd: ingest: {ex.Message}" : $"distlogd: {ex.Message}");
        return Failure;
    }

    stop.Wait();
    collector.Stop();
}
return 0;
