// One service of a chain: GET /work opens a task with DistlogTask.To, logs inside it, and calls the next
// service's /work with a plain HttpClient, --calls times. Nothing else links the services' tasks.
//
//   dotnet Distlog.Relay.dll --name B --ingest tcp://127.0.0.1:5010 [--next http://127.0.0.1:5001] [--calls 2] [--bind Tenant=acme]
//
// It listens on a free loopback port and prints "listening on {url}" on standard output; SIGTERM stops it
// after the logger has flushed.
using Distlog;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Serilog;

var name = Option("--name") ?? "relay";
var ingest = Option("--ingest") ?? "tcp://127.0.0.1:5010";
var next = Option("--next");
var calls = int.Parse(Option("--calls") ?? "1", System.Globalization.CultureInfo.InvariantCulture);
var binding = Option("--bind")?.Split('=', 2);

Log.Logger = new LoggerConfiguration()
    .Enrich.FromLogContext()
    .WriteTo.Distlog(ingest, application: name)
    .CreateLogger();

var builder = WebApplication.CreateSlimBuilder(args);
builder.WebHost.UseUrls("http://127.0.0.1:0");
// Microsoft.Extensions.Logging stays on, as in any real service: ASP.NET Core starts a request's activity
// (and so reads traceparent, tracestate and baggage) when logging or tracing listens.
builder.Logging.SetMinimumLevel(LogLevel.Warning);
var app = builder.Build();
using var http = new HttpClient();

app.MapGet("/work", async () =>
{
    using var task = DistlogTask.To("{Service} handles a call", name);
    if (binding is [var property, var value])
        task.Bind(property, value, propagate: true);
    Log.Information("{Service} at work", name);
    for (var i = 0; i < calls && next is not null; i++)
        Log.Information("{Service} heard {Reply}", name, await http.GetStringAsync(next + "/work"));
    return name;
});

await app.StartAsync();
Console.WriteLine($"listening on {app.Urls.First()}");
await app.WaitForShutdownAsync();
await Log.CloseAndFlushAsync();

string? Option(string option)
{
    var at = Array.IndexOf(args, option);
    return at >= 0 && at + 1 < args.Length ? args[at + 1] : null;
}
