using System.Diagnostics;
using Distlog.Cli.Commands;

namespace Distlog.Cli.Tests.Support;

/// <summary>
/// Runs <c>distlog tail</c> in-process against a <see cref="Publisher"/>, beating the slow joiner: it publishes a
/// warm-up event until one arrives, and reports output without the warm-up lines.
/// </summary>
sealed class TailSession
{
    public const string WarmUpText = "warm-up";
    static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    readonly SharedStream _output = new();
    readonly StringWriter _error = new() { NewLine = "\n" };
    readonly CancellationTokenSource _stop = new();
    readonly Task<int> _run;

    public TailSession(string[] args, bool redirected = true)
    {
        var console = new CliConsole(new MemoryStream(), _output, TextWriter.Synchronized(_error), redirected);
        _run = Task.Run(() => DistlogCli.RunAsync(["tail", .. args], console, _stop.Token));
    }

    public string Output => string.Join("", _output.Text().Split('\n').Where(l => !l.Contains(WarmUpText)).Select(l => l + "\n")).TrimEnd('\n') + "\n";

    public string RawOutput => _output.Text();

    public string Error => _error.ToString();

    public Task<int> Run => _run;

    /// <summary>Publishes <paramref name="warmUpLine"/> (which must contain "warm-up" and pass the filters) until it shows.</summary>
    public void WarmUp(Publisher publisher, string topic, string warmUpLine) =>
        Publish(publisher, topic, warmUpLine, until: text => text.Contains(WarmUpText));

    /// <summary>Publishes <paramref name="line"/> until <paramref name="until"/> holds for the output.</summary>
    public void Publish(Publisher publisher, string topic, string line, Func<string, bool> until)
    {
        var clock = Stopwatch.StartNew();
        while (!until(_output.Text()))
        {
            if (_run.IsCompleted)
                Assert.Fail($"tail ended early with {_run.Result}: {Error}");
            if (clock.Elapsed > Patience)
                Assert.Fail($"tail showed nothing in {Patience}: {Error}");
            publisher.Publish(topic, line);
            Thread.Sleep(20);
        }
    }

    /// <summary>Waits until the output shows <paramref name="text"/>.</summary>
    public void WaitFor(string text)
    {
        var clock = Stopwatch.StartNew();
        while (!_output.Text().Contains(text, StringComparison.Ordinal))
        {
            if (clock.Elapsed > Patience)
                Assert.Fail($"tail did not show '{text}' in {Patience}; it showed:\n{_output.Text()}\n{Error}");
            Thread.Sleep(10);
        }
    }

    public async Task<int> StopAsync()
    {
        await _stop.CancelAsync();
        return await _run.WaitAsync(Patience);
    }

    public static string Topic(string level, string app, char system = 'P') => $"{system}LC/{level}/{app}";

}
