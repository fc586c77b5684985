// A small app that logs one nested task tree into distlogd: a root task, subtasks, a failing subtask,
// and a subtask continued in a second process through DistlogTask.Import.
//   dotnet Distlog.Demo.dll [--endpoint tcp://localhost:5010]
using System.Diagnostics;
using Distlog;
using Serilog;

var endpoint = args.SkipWhile(a => a != "--endpoint").Skip(1).FirstOrDefault() ?? "tcp://localhost:5010";
var importId = args.SkipWhile(a => a != "--continue").Skip(1).FirstOrDefault();

Log.Logger = new LoggerConfiguration()
    .MinimumLevel.Debug()
    .Enrich.FromLogContext()
    .WriteTo.Console()
    .WriteTo.Distlog(endpoint, application: importId == null ? "demo-orders" : "demo-billing", whenFull: DistlogWhenFull.Block)
    .CreateLogger();

try
{
    if (importId != null)
        ContinueInSecondProcess(importId);
    else
        await RunOrderImport(endpoint);
}
finally
{
    await Log.CloseAndFlushAsync();
}

static async Task RunOrderImport(string endpoint)
{
    using var job = DistlogTask.Start("Import orders from {File}", "orders-2026-11.csv");
    job.Bind("User", "leo");

    var rows = DistlogTask.Run("Parse {File}", ["orders-2026-11.csv"], task =>
    {
        Log.Information("Read {Bytes} bytes", 48_213);
        task.Success("Parsed {Count} rows", 3);
        return 3;
    });

    await Task.WhenAll(Enumerable.Range(1, rows).Select(row => DistlogTask.RunAsync("Store row {Row}", [row], async _ =>
    {
        await Task.Delay(10 * row);
        Log.Debug("Row {Row} stored", row);
    })));

    try
    {
        DistlogTask.Run("Validate totals", _ => throw new InvalidOperationException("Totals differ by 12.50 EUR"));
    }
    catch (InvalidOperationException)
    {
        Log.Warning("Continuing without validation");
    }

    // Hand a subtask to another process: it continues under this task's key.
    var foreignId = job.ForeignId();
    var host = Path.GetFileNameWithoutExtension(Environment.ProcessPath) == "dotnet" ? Environment.ProcessPath! : "dotnet";
    var self = Path.Combine(AppContext.BaseDirectory, "Distlog.Demo.dll");
    using var billing = Process.Start(host, [self, "--continue", foreignId, "--endpoint", endpoint]);
    await billing!.WaitForExitAsync();
    job.Success("Imported {Count} orders", rows);
}

static void ContinueInSecondProcess(string foreignId)
{
    using var task = DistlogTask.Import(foreignId, "Bill orders in process {ProcessId}", Environment.ProcessId);
    Log.Information("Charging {Amount} EUR", 1_234.50m);
}
